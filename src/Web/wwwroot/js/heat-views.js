// Shows one view of the heat map at a time, chosen with the radio buttons. Without JavaScript every view is shown,
// one table after the other, and the choice stays hidden.
(function () {
    const choice = document.getElementById('heat-views');
    if (!choice) return;
    const views = document.querySelectorAll('.heat-view');
    const show = (name) => views.forEach((view) => { view.hidden = view.dataset.view !== name; });
    choice.addEventListener('change', (event) => show(event.target.value));
    choice.hidden = false;
    show(choice.querySelector('input:checked').value);
})();
