// Copy buttons: a button with data-copy-from="#field" copies that field's text (the field itself or the input
// inside it) and shows that it did. One delegated listener, so it serves static and interactive pages alike
// without inline script, which the content security policy forbids.
document.addEventListener('click', async event => {
    const button = event.target.closest('[data-copy-from]');
    if (!button) return;
    const source = document.querySelector(button.dataset.copyFrom);
    const field = source && (source.matches('input, textarea') ? source : source.querySelector('input, textarea'));
    if (!field) return;
    try {
        await navigator.clipboard.writeText(field.value);
    } catch {
        field.select(); // no clipboard access: leave it selected for Ctrl+C
        return;
    }
    button.classList.add('copied');
    setTimeout(() => button.classList.remove('copied'), 2500);
});
