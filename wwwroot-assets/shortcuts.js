// Keyboard shortcuts of a page that marks its buttons with data-shortcut (space-separated keys such as "1", "e",
// "ctrl+enter", "escape") inside a [data-shortcut-scope]: a key press clicks the matching enabled button. One delegated
// listener and no inline script (the content security policy forbids it). Keys typed into a text field or a select, or
// while a dialog or menu is open, are left to it, except Ctrl+Enter (which types nothing); Escape in a field leaves the field.
document.addEventListener('keydown', event => {
    if (event.defaultPrevented || event.altKey || event.metaKey || event.isComposing) return;
    const scope = document.querySelector('[data-shortcut-scope]');
    if (!scope || document.querySelector('.mud-dialog-container, .mud-popover-open .mud-list')) return;
    const key = (event.ctrlKey ? 'ctrl+' : '') + event.key.toLowerCase();
    // A list whose options carry their own letter (data-key) picks the option of the letter pressed, every time: the
    // browser's own type-ahead joins letters pressed within a second into one search ("a" then "c" finds nothing).
    if (event.target instanceof HTMLSelectElement && 'letterKeys' in event.target.dataset && /^[a-z]$/.test(key)) {
        const option = [...event.target.options].find(o => o.dataset.key === key);
        if (option) {
            event.preventDefault();
            event.target.value = option.value;
            event.target.dispatchEvent(new Event('change', { bubbles: true }));
        }
        return;
    }
    const field = event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]');
    if (field && key !== 'ctrl+enter') {
        if (key === 'escape') field.blur();
        return;
    }
    if (event.ctrlKey && key !== 'ctrl+enter') return;
    const button = [...scope.querySelectorAll('[data-shortcut]')]
        .find(b => b.dataset.shortcut.split(' ').includes(key) && !b.disabled && b.offsetParent !== null);
    if (!button) return;
    event.preventDefault();
    button.click();
});
