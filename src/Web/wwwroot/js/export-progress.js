// Downloads of large reports with visible progress. Each [data-export] box holds plain download links (which work
// on their own without JavaScript), a <progress> and a status line. A click asks for the report with a random
// progress token; while the server prepares the file it sends {token, written, total} (rows) as "exportProgress" over
// the person's /hubs/notifications connection, which the bar shows. The body is then read chunk by chunk and handed
// to the browser as a file. Without readings (no hub connection) the bar follows the bytes against Content-Length.
(function () {
    if (!window.ReadableStream || !window.fetch) return;
    const boxes = document.querySelectorAll('[data-export]');
    if (boxes.length === 0) return;
    const watchers = new Map(); // token → what to do with a reading
    const connected = window.signalR ? (async () => {
        const connection = new signalR.HubConnectionBuilder().withUrl('/hubs/notifications').withAutomaticReconnect().build();
        connection.on('exportProgress', reading => watchers.get(reading.token)?.(reading));
        await connection.start();
    })().catch(() => { /* downloads still work, with the byte count only */ }) : Promise.resolve();
    const size = bytes => bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const randomToken = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
    const fileName = response => {
        const disposition = response.headers.get('Content-Disposition') || '';
        const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
        if (encoded) return decodeURIComponent(encoded[1]);
        const plain = /filename="?([^";]+)"?/i.exec(disposition);
        return plain ? plain[1] : null;
    };
    // Texts come from the shared resources through the box's data-text-* attributes; {0}, {1}… are filled in order.
    const text = (box, name, ...values) => (box.dataset['text' + name] ?? '').replace(/\{(\d+)\}/g, (_, i) => values[i]);
    for (const box of boxes) {
        const bar = box.querySelector('progress');
        const status = box.querySelector('[role=status]');
        const panel = bar.closest('.export-progress');
        box.addEventListener('click', async event => {
            const link = event.target.closest('a[data-export-link]');
            if (!link) return;
            event.preventDefault();
            if (box.dataset.state === 'busy') return;
            const what = link.textContent.trim();
            box.dataset.state = 'busy';
            panel.hidden = false;
            bar.max = 100;
            bar.removeAttribute('value'); // indeterminate until the server's first reading
            status.textContent = text(box, 'Preparing', what);
            // Rows prepared, from the server's readings; once the response arrives the preparation is complete.
            const preparation = { total: null, written: 0, done: false, announced: 0 };
            const showPreparation = () => {
                if (preparation.total === null) return;
                bar.max = Math.max(1, preparation.total);
                bar.value = preparation.done ? bar.max : Math.min(preparation.written, preparation.total);
            };
            const token = randomToken();
            watchers.set(token, reading => {
                preparation.total = reading.total;
                preparation.written = Math.max(preparation.written, reading.written);
                showPreparation();
                // The status is a live region: announce quarters, not every reading.
                const quarter = reading.total ? Math.floor(4 * preparation.written / reading.total) : 4;
                if (!preparation.done && quarter > preparation.announced && quarter < 4) {
                    preparation.announced = quarter;
                    status.textContent = text(box, 'PreparingRows', what, preparation.written, reading.total);
                }
            });
            try {
                // Readings sent before the connection is up would be lost; a slow hub does not hold the download up long.
                await Promise.race([connected, new Promise(resolve => setTimeout(resolve, 3000))]);
                const request = new URL(link.href, location.href);
                request.searchParams.set('progress', token);
                const response = await fetch(request, { credentials: 'same-origin' });
                if (!response.ok) throw new Error(`${response.status}`);
                preparation.done = true;
                showPreparation();
                const total = Number(response.headers.get('Content-Length')) || 0;
                const reader = response.body.getReader();
                const chunks = [];
                let received = 0;
                let announced = 0;
                for (;;) {
                    const { done, value } = await reader.read();
                    if (done) break;
                    chunks.push(value);
                    received += value.length;
                    if (total && preparation.total === null) bar.value = Math.min(100, Math.round(100 * received / total));
                    const quarter = total ? Math.floor(4 * received / total) : 0;
                    if (quarter > announced && quarter < 4) {
                        announced = quarter;
                        status.textContent = text(box, 'Downloading', what, size(received), size(total));
                    }
                }
                bar.value = bar.max;
                const name = fileName(response) || 'bao-cao';
                const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' }));
                const save = document.createElement('a');
                save.href = url;
                save.download = name;
                document.body.append(save);
                save.click();
                save.remove();
                setTimeout(() => URL.revokeObjectURL(url), 60_000);
                status.textContent = text(box, 'Done', name, size(received));
                box.dataset.state = 'done';
            } catch (error) {
                bar.value = 0;
                status.textContent = text(box, 'Failed', what, error.message);
                box.dataset.state = 'failed';
            } finally {
                // Late readings of this download may still come in; after a minute nothing more will.
                setTimeout(() => watchers.delete(token), 60_000);
            }
        });
    }
})();
