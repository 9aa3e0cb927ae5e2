// The catalogue: every installed module with the learner's progress in it.

import { call } from '../lib/api.js';
import { h } from '../lib/dom.js';
import { t, pick, pickedLanguage, languageName } from '../lib/i18n.js';
import { routeOf, contentLanguageOf } from '../lib/module.js';

export async function render(ctx) {
  const entries = await call('catalogue');
  const root = h('section', { class: 'screen catalogue' });
  root.append(h('div', { class: 'screen-head' },
    h('h1', {}, t('catalogue-title')),
    h('p', { class: 'lead' }, t('catalogue-lead', { count: entries.length }))));

  if (!entries.length) {
    root.append(h('div', { class: 'empty card' },
      h('p', {}, t('catalogue-empty')),
      h('a', { class: 'button primary', href: '#/install', testid: 'catalogue-install' }, t('nav-install'))));
    return { node: root };
  }

  const list = h('ul', { class: 'module-grid', testid: 'module-list' });
  for (const entry of entries) list.append(h('li', {}, card(ctx, entry)));
  root.append(list);
  return { node: root };
}

function card(ctx, { manifest, signed, verified_by: verifiedBy, progress }) {
  const lang = contentLanguageOf(manifest, ctx);
  const title = pick(manifest.title, lang, manifest.default_language);
  const id = manifest.id;
  const titleId = `module-title-${id.replace(/[^a-z0-9-]/gi, '-')}`;
  const done = progress ? progress.done : 0;
  const total = progress ? progress.total : manifest.activities.length;
  const completed = progress && progress.completed;
  const last = progress && progress.last_activity_id
    ? manifest.activities.find((a) => a.id === progress.last_activity_id) : null;
  const started = done > 0 || Boolean(last);
  const resumeTarget = last || manifest.activities[0];

  const trust = verifiedBy
    ? h('span', { class: 'badge trust verified', testid: `module-trust-${id}` }, t('verified-by', { organisation: verifiedBy }))
    : h('span', { class: 'badge trust', testid: `module-trust-${id}` }, signed ? t('signed-unknown') : t('unsigned'));

  return h('article', { class: 'card module-card', 'aria-labelledby': titleId, testid: `module-card-${id}` },
    h('h2', { id: titleId, class: 'module-title', lang: pickedLanguage(manifest.title, lang, manifest.default_language) },
      h('a', { href: `#/module/${encodeURIComponent(id)}`, testid: `open-module-${id}` }, title)),
    h('p', { class: 'organisation' }, manifest.organisation.name),
    h('dl', { class: 'facts' },
      h('div', {}, h('dt', {}, t('module-languages')), h('dd', {}, manifest.languages.map(languageName).join(', '))),
      h('div', {}, h('dt', {}, t('module-duration')), h('dd', {}, t('minutes', { minutes: manifest.estimated_minutes })))),
    h('div', { class: 'progress-line' },
      h('progress', { max: String(total), value: String(done), 'aria-label': t('progress-label', { title }),
        testid: `module-progress-${id}` }),
      h('span', { class: 'progress-text' }, t('activities-done', { done, total })),
      completed ? h('span', { class: 'badge done', testid: `module-completed-${id}` }, t('completed')) : null),
    h('div', { class: 'card-foot' },
      trust,
      resumeTarget ? h('a', { class: 'button primary', href: `#/${routeOf(id, resumeTarget)}`, testid: `resume-${id}`,
        'aria-describedby': titleId }, started ? t('resume') : t('start')) : null));
}
