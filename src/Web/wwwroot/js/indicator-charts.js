// Draws one line chart per indicator from its canvas's data attributes: the values and the target as a dashed line (series
// names in data-series-label and data-target-label, from the resources). The table after each canvas holds the same figures.
(function () {
    if (typeof Chart === "undefined") return;
    document.querySelectorAll("canvas[data-targets]").forEach(function (canvas) {
        new Chart(canvas, {
            type: "line",
            data: {
                labels: JSON.parse(canvas.dataset.labels),
                datasets: [
                    { label: canvas.dataset.seriesLabel, data: JSON.parse(canvas.dataset.values), borderColor: "#0b4c99", backgroundColor: "#0b4c99" },
                    { label: canvas.dataset.targetLabel, data: JSON.parse(canvas.dataset.targets), borderColor: "#8a1c1c", backgroundColor: "#8a1c1c", borderDash: [6, 4], pointRadius: 0 }
                ]
            },
            options: { scales: { y: { beginAtZero: true } } }
        });
    });
})();
