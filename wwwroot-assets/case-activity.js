// Tells an open case page that its reviewer is at work (a key, a click, typing), at most every 15 seconds, so the page keeps
// their claim on the case alive while they work and lets it lapse, with a warning, while they are away.
window.ccCaseActivity = (() => {
    let page = null, last = 0;
    const seen = () => {
        const now = Date.now();
        if (!page || now - last < 15000) return;
        last = now;
        page.invokeMethodAsync('Active').catch(() => { });
    };
    for (const type of ['keydown', 'pointerdown', 'input']) document.addEventListener(type, seen, { capture: true, passive: true });
    return {
        watch: reference => { page = reference; last = 0; },
        unwatch: reference => { if (page === reference) page = null; },
    };
})();
