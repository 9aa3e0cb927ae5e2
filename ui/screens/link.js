// The consent screen: a learner links their profile to the identifier their institution gives
// them (src/store/links.rs), after reading in plain words what leaves the computer, or unlinks.

import { call } from '../lib/api.js';
import { h, announce, modal } from '../lib/dom.js';
import { t, language } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { field } from '../lib/forms.js';

export async function render(ctx) {
  const view = await call('learner_link');
  const root = h('section', { class: 'screen narrow', testid: 'link-screen' }, h('h1', {}, t('link-title')));
  if (!view.asked) {
    root.append(h('p', { testid: 'link-not-asked' }, t('link-not-asked')));
    return { node: root };
  }
  const [institution, label] = view.asked;
  const status = h('p', { class: 'form-status', role: 'status', testid: 'link-status', tabindex: '-1' });
  const what = h('section', { class: 'card', 'aria-labelledby': 'link-what' },
    h('h2', { id: 'link-what' }, t('link-what-title')),
    h('ul', { testid: 'link-what' },
      h('li', {}, t('link-what-1', { institution, label })),
      h('li', {}, t('link-what-2', { institution })),
      h('li', {}, t('link-what-3')),
      h('li', {}, t('link-what-4', { institution }))));

  if (view.link) {
    const since = new Date(view.link.linked_at).toLocaleDateString(language());
    const unlink = h('button', { type: 'button', class: 'danger', testid: 'link-unlink', onclick: async () => {
      const answer = await modal({
        title: t('link-unlink'),
        body: h('p', {}, t('link-unlink-confirm', { institution })),
        testid: 'unlink-dialog',
        actions: [
          { label: t('cancel'), value: null, testid: 'unlink-cancel' },
          { label: t('link-unlink'), value: 'unlink', class: 'danger', testid: 'unlink-confirm' },
        ],
      });
      if (answer !== 'unlink') return;
      try {
        await call('unlink_learner');
        announce(t('link-unlinked'));
        ctx.focusAfter = 'link-identifier';
        ctx.navigate('link');
      } catch (err) {
        status.textContent = explain(err);
        announce(status.textContent, true);
      }
    } }, t('link-unlink'));
    root.append(
      h('p', { class: 'notice', testid: 'link-linked', tabindex: '-1' }, t('link-done', { identifier: view.link.identifier, date: since })),
      what,
      h('div', { class: 'actions' }, unlink),
      status);
    return { node: root };
  }

  const identifier = field(t('link-identifier', { label }), h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' }),
    { testid: 'link-identifier' });
  const agree = h('input', { type: 'checkbox', id: 'link-agree', testid: 'link-agree' });
  const form = h('form', { class: 'card', novalidate: true, testid: 'link-form' },
    identifier,
    h('div', { class: 'field checkbox' }, agree, h('label', { for: 'link-agree' }, t('link-agree'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', testid: 'link-submit' }, t('link-submit'))),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    identifier.setError(null);
    if (!agree.checked) {
      status.textContent = t('link-must-agree');
      announce(status.textContent, true);
      agree.focus();
      return;
    }
    try {
      await call('link_learner', { identifier: identifier.control.value });
      announce(t('link-linked-now'));
      ctx.focusAfter = 'link-linked';
      ctx.navigate('link');
    } catch (err) {
      identifier.setError(explain(err));
      announce(explain(err), true);
      identifier.control.focus();
    }
  });
  root.append(h('p', {}, t('link-lead', { institution, label })), what, form);
  return { node: root };
}
