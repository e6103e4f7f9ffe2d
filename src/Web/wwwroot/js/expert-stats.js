// Draws one bar chart per canvas from its data attributes (the series name in data-series-label, from the resources); the table next to each holds the same figures.
(function () {
    if (typeof Chart === "undefined") return;
    document.querySelectorAll("canvas[data-labels]").forEach(function (canvas) {
        new Chart(canvas, {
            type: "bar",
            data: {
                labels: JSON.parse(canvas.dataset.labels),
                datasets: [{ label: canvas.dataset.seriesLabel, data: JSON.parse(canvas.dataset.values), backgroundColor: "#0b4c99" }]
            },
            options: { indexAxis: "y", plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } }
        });
    });
})();
