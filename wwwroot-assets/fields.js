// A browser's date and time controls report a half-typed value as empty, exactly like a field left blank: ask the control
// itself (validity.badInput) before a form is saved, so a half-typed time is refused instead of read as "not given".
window.ccFields = {
    partlyFilled: selector => [...document.querySelectorAll(`${selector} input`)].some(input => input.validity && input.validity.badInput),
};
