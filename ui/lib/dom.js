// Small helpers to build the DOM without HTML strings (the CSP forbids inline styles, and
// building nodes keeps module texts from ever being parsed as markup).

/**
 * h('button', {class: 'primary', testid: 'start', onclick: f}, 'Start')
 * Attributes: `class`, `testid` (data-testid), `on<event>` handlers, booleans, strings.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'testid') el.dataset.testid = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'value') el.value = value;
    else if (key === 'checked') el.checked = Boolean(value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let uid = 0;
/** A unique id for label/description wiring. */
export function newId(prefix = 'id') {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Says `text` to screen readers (polite), or assertively for errors. */
export function announce(text, assertive = false) {
  const region = document.getElementById(assertive ? 'alerts' : 'announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after a tick, so the same message said twice is read twice.
  setTimeout(() => { region.textContent = text; }, 50);
}

/** Parses sanitised HTML from the app (lesson, transcript) into a fragment. */
export function fragmentFromHtml(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** A modal dialog; resolves with the value of the button pressed (or null on Escape). */
export function modal({ title, body, actions, testid, initialFocus }) {
  return new Promise((resolve) => {
    const opener = document.activeElement;
    const titleId = newId('dialog-title');
    const dialog = h('dialog', { class: 'modal', 'aria-labelledby': titleId, testid });
    const close = (value) => {
      dialog.close();
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
      resolve(value);
    };
    const buttons = actions.map((a) =>
      h('button', { type: 'button', class: a.class || '', testid: a.testid, onclick: () => {
        if (a.validate && !a.validate()) return;
        close(a.value);
      } }, a.label));
    dialog.append(
      h('h2', { id: titleId, class: 'modal-title' }, title),
      h('div', { class: 'modal-body' }, body),
      h('div', { class: 'actions' }, buttons),
    );
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); close(null); });
    document.body.append(dialog);
    dialog.showModal();
    const focusTarget = initialFocus ? dialog.querySelector(initialFocus) : buttons[0];
    if (focusTarget) focusTarget.focus();
  });
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Like `h`, for SVG elements (charts): attributes as given, children appended. */
export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

/** Moves focus to the heading (`selector`) of a part of the screen that changed, as a new screen would. */
export function focusHeading(container, selector = 'h2') {
  const heading = container.querySelector(selector);
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
