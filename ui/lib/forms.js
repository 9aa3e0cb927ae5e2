// Labelled form fields with their hint and error wired for screen readers.

import { h, newId } from './dom.js';
import { t, UI_LANGUAGES } from './i18n.js';

/** A labelled field; `control` is an input/select element (its id is set here). */
export function field(label, control, { hint, testid } = {}) {
  const id = control.id || newId('field');
  control.id = id;
  if (testid) control.dataset.testid = testid;
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true, testid: testid ? `${testid}-error` : null });
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const wrapper = h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    control,
    error);
  wrapper.setError = (message) => {
    error.textContent = message || '';
    error.hidden = !message;
    if (message) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  };
  wrapper.control = control;
  return wrapper;
}

export function languageSelect(selected, { includeFollow = false } = {}) {
  const select = h('select', {});
  if (includeFollow) select.append(h('option', { value: '' }, t('settings-language-follow')));
  for (const { code, name } of UI_LANGUAGES) {
    select.append(h('option', { value: code, lang: code, selected: code === selected ? true : null }, name));
  }
  select.value = selected || '';
  return select;
}

/** A PIN input: digits, hidden, never autofilled. */
export function pinInput() {
  return h('input', { type: 'password', inputmode: 'numeric', autocomplete: 'off', maxlength: '12',
    pattern: '[0-9]*', class: 'pin' });
}

/** Checks an optional PIN and its confirmation; returns an error message or null. */
export function pinProblem(pin, confirmation) {
  if (!pin && !confirmation) return null;
  if (!/^[0-9]{4,12}$/.test(pin)) return t('error-bad-pin');
  if (pin !== confirmation) return t('error-pin-mismatch');
  return null;
}
