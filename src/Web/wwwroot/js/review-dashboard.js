// Draws the dashboard's charts from the numbers the page already shows in tables (the tables stay: they are
// the accessible equivalent). Without Chart.js or JavaScript nothing is lost but the pictures.
(function () {
    const source = document.getElementById('dashboard-data');
    if (!source || typeof Chart === 'undefined') return;
    const data = JSON.parse(source.textContent);
    const colours = ['#1b7837', '#b2182b', '#2166ac', '#8c510a', '#555555'];
    const draw = (id, config) => {
        const canvas = document.getElementById(id);
        if (canvas) new Chart(canvas, config);
    };
    const noLegend = { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } };
    draw('stance-chart', { type: 'bar', data: { labels: data.stances, datasets: [{ label: data.feedbackLabel, data: data.byStance, backgroundColor: colours }] }, options: noLegend });
    draw('time-chart', { type: 'line', data: { labels: data.days, datasets: [{ label: data.feedbackLabel, data: data.perDay, borderColor: '#2166ac' }] }, options: noLegend });
    draw('participation-chart', { type: 'bar', data: { labels: data.participationLabels, datasets: [{ label: data.expertsLabel, data: data.participation, backgroundColor: ['#555555', '#2166ac'] }] }, options: noLegend });
    const horizontal = { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } };
    draw('field-chart', { type: 'bar', data: { labels: data.fields, datasets: [{ label: data.feedbackLabel, data: data.perField, backgroundColor: '#2166ac' }] }, options: horizontal });
    draw('degree-chart', { type: 'bar', data: { labels: data.degrees, datasets: [{ label: data.feedbackLabel, data: data.perDegree, backgroundColor: '#1b7837' }] }, options: noLegend });
})();
