// Search the learner's own notes and everything installed (the core's search index,
// `dlis::search`): a hit in a capsule's
// subtitles opens the capsule at that cue, a hit in a lesson or a transcript opens it at the
// passage. Results in the learner's content language come first.

import { call } from '../lib/api.js';
import { h, announce, newId } from '../lib/dom.js';
import { t, languageName, clock } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';

export async function render(ctx, query = '') {
  const fieldId = newId('search');
  const input = h('input', { type: 'search', id: fieldId, value: query, testid: 'search-input', autocomplete: 'off',
    maxlength: '200' });
  const form = h('form', { class: 'search-form', role: 'search', testid: 'search-form' },
    h('label', { for: fieldId }, t('search-label')), input,
    h('button', { type: 'submit', class: 'primary', testid: 'search-submit' }, t('search-button')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.focusAfter = 'search-results';
    ctx.navigate(`search/${encodeURIComponent(input.value.trim())}`);
  });
  const results = h('section', { 'aria-labelledby': 'search-results-title', testid: 'search-results', tabindex: '-1' });
  const root = h('section', { class: 'screen narrow search-screen' }, h('h1', {}, t('search-title')), form, results);
  if (!query.trim()) return { node: root };
  let hits;
  try {
    hits = await call('search', { query, language: ctx.contentLanguage() });
  } catch (err) {
    results.append(h('p', { class: 'notice error', role: 'alert' }, explain(err)));
    return { node: root };
  }
  const count = t('search-count', { count: hits.length, query });
  results.append(h('h2', { id: 'search-results-title', testid: 'search-count' }, count));
  const list = h('ol', { class: 'search-hits', testid: 'search-hits' });
  hits.forEach((hit, n) => {
    const where = [t(`search-place-${hit.place.replaceAll('_', '-')}`)];
    if (hit.place !== 'note') where.push(languageName(hit.language));
    if (hit.at !== null && hit.at !== undefined) where.push(clock(hit.at));
    list.append(h('li', { class: 'search-hit', testid: `search-hit-${n}`, 'data-place': hit.place },
      h('a', { href: `#/${routeOf(hit)}`, testid: `search-open-${n}` },
        hit.module_title, hit.activity_title ? ` › ${hit.activity_title}` : ''),
      h('p', { class: 'meta' }, where.join(' · ')),
      h('p', { class: 'snippet', lang: hit.language },
        hit.snippet.map(([text, marked]) => (marked ? h('mark', {}, text) : text)))));
  });
  results.append(list);
  return { node: root, afterShow: () => announce(count) };
}

/** Where a hit opens: a capsule at its cue, a lesson or transcript at its passage. */
function routeOf(hit) {
  const m = encodeURIComponent(hit.module);
  const a = hit.activity ? encodeURIComponent(hit.activity) : null;
  if (!a) return `module/${m}`;
  // Up to a '%', which the router's decoding would take for an escape.
  const passage = encodeURIComponent(hit.text.split('%')[0].slice(0, 120));
  switch (hit.place) {
    case 'subtitle': return `video/${m}/${a}/@${hit.at}`;
    case 'note':
      if (hit.activity_kind === 'video') return hit.at !== null && hit.at !== undefined ? `video/${m}/${a}/@${hit.at}` : `video/${m}/${a}`;
      return `${hit.activity_kind || 'lesson'}/${m}/${a}`;
    case 'transcript': return `video/${m}/${a}/${passage}`;
    case 'lesson': return `lesson/${m}/${a}/${passage}`;
    default: return `${hit.activity_kind === 'video' ? 'video' : hit.activity_kind}/${m}/${a}`;
  }
}
