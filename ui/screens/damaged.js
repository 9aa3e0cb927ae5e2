// The progress database could not be opened: say so in plain words, and start afresh only
// with the user's explicit consent (the damaged file is kept aside, never deleted).

import { call } from '../lib/api.js';
import { h, modal, announce } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';

export async function render(ctx) {
  const status = h('p', { class: 'form-status', role: 'status', testid: 'start-fresh-status' });
  const consent = h('input', { type: 'checkbox', id: 'fresh-consent', testid: 'start-fresh-consent' });
  const button = h('button', { type: 'button', class: 'danger', testid: 'start-fresh', onclick: async () => {
    if (!consent.checked) {
      status.textContent = t('damaged-consent-needed');
      status.classList.add('error');
      consent.focus();
      return;
    }
    const answer = await modal({
      title: t('damaged-confirm-title'),
      body: h('p', {}, t('damaged-confirm-text')),
      testid: 'start-fresh-dialog',
      actions: [
        { label: t('cancel'), value: null, testid: 'start-fresh-cancel' },
        { label: t('damaged-start-fresh'), value: 'yes', class: 'danger', testid: 'start-fresh-confirm' },
      ],
    });
    if (answer !== 'yes') return;
    try {
      const aside = await call('start_fresh');
      await ctx.refresh();
      announce(t('damaged-done', { path: aside }));
      ctx.navigate('profiles');
    } catch (err) {
      status.textContent = explain(err);
      status.classList.add('error');
    }
  } }, t('damaged-start-fresh'));

  return { node: h('section', { class: 'screen narrow damaged', testid: 'damaged' },
    h('h1', {}, t('damaged-title')),
    h('div', { class: 'card notice warning' },
      h('p', {}, t('damaged-text')),
      h('details', {}, h('summary', {}, t('damaged-details')), h('p', { class: 'pre', testid: 'damaged-reason' }, ctx.info.store_problem)),
      h('h2', {}, t('damaged-what-now')),
      h('ul', {}, h('li', {}, t('damaged-option-help')), h('li', {}, t('damaged-option-fresh'))),
      h('p', { class: 'path' }, t('damaged-where', { path: ctx.info.data_dir })),
      h('div', { class: 'choice' }, consent, h('label', { for: 'fresh-consent' }, t('damaged-consent'))),
      h('div', { class: 'actions' }, button),
      status)) };
}
