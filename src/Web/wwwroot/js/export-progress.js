// Downloads of large reports with visible progress. Each [data-export] box holds plain download links (which work
// on their own without JavaScript), a <progress> and a status line. With fetch streaming available, a click reads the
// response body chunk by chunk against Content-Length, then hands the bytes to the browser as a file.
(function () {
    if (!window.ReadableStream || !window.fetch) return;
    const size = bytes => bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const fileName = response => {
        const disposition = response.headers.get('Content-Disposition') || '';
        const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
        if (encoded) return decodeURIComponent(encoded[1]);
        const plain = /filename="?([^";]+)"?/i.exec(disposition);
        return plain ? plain[1] : null;
    };
    for (const box of document.querySelectorAll('[data-export]')) {
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
            bar.removeAttribute('value'); // indeterminate while the server prepares the file
            status.textContent = `Đang chuẩn bị ${what}…`;
            try {
                const response = await fetch(link.href, { credentials: 'same-origin' });
                if (!response.ok) throw new Error(`${response.status}`);
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
                    if (total) bar.value = Math.min(100, Math.round(100 * received / total));
                    // The status is a live region: announce quarters, not every chunk.
                    const quarter = total ? Math.floor(4 * received / total) : 0;
                    if (quarter > announced && quarter < 4) {
                        announced = quarter;
                        status.textContent = `Đang tải ${what}: ${size(received)} / ${size(total)}`;
                    }
                }
                bar.value = 100;
                const name = fileName(response) || 'bao-cao';
                const url = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' }));
                const save = document.createElement('a');
                save.href = url;
                save.download = name;
                document.body.append(save);
                save.click();
                save.remove();
                setTimeout(() => URL.revokeObjectURL(url), 60_000);
                status.textContent = `Đã tải xong ${name} (${size(received)}).`;
                box.dataset.state = 'done';
            } catch (error) {
                bar.value = 0;
                status.textContent = `Không tải được ${what} (${error.message}). Thử lại hoặc mở liên kết trực tiếp.`;
                box.dataset.state = 'failed';
            }
        });
    }
})();
