// The self-assessment: statements rated on the survey's scale, dimension by dimension, and a
// written reflection that stays on the laptop; then the learner's profile as a radar chart
// with the same figures in a table, the first take beside the latest, and the modules that
// strengthen the dimensions they rated low. Scores are computed by the core (src/survey.rs).

import { call } from '../lib/api.js';
import { h, announce, clear, svg, focusHeading } from '../lib/dom.js';
import { t, pick, pickedLanguage, formatDate, language } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { loadModule } from '../lib/moduleCache.js';
import { activityFooter, breadcrumbs } from './parts.js';
import { contentLanguageOf } from '../lib/module.js';

const MAX_REFLECTION = 10000;

export async function render(ctx, moduleId, activityId) {
  const view = await loadModule(moduleId, { fresh: true });
  const { manifest } = view;
  const survey = manifest.activities.find((a) => a.id === activityId && a.kind === 'survey');
  if (!survey) throw new Error(t('error-no-activity'));
  const lang = contentLanguageOf(manifest, ctx);
  const text = (texts) => pick(texts, lang, manifest.default_language);
  const langOf = (texts) => pickedLanguage(texts, lang, manifest.default_language);
  const stage = h('div', { class: 'survey-stage', testid: 'survey-stage' });
  const root = h('section', { class: 'screen narrow survey-screen' },
    breadcrumbs(manifest, ctx),
    h('h1', { testid: 'survey-title', lang: langOf(survey.title) }, text(survey.title)),
    stage,
    activityFooter(manifest, activityId, ctx));
  const screen = { moduleId, activityId, survey, stage, text, langOf };
  const page = await call('survey', { module: moduleId, activity: activityId });
  if (page.takes.length) showResults(screen, page);
  else showForm(screen);
  return { node: root };
}

/** The statements to rate: one group of radio buttons each, under its dimension's heading. */
function showForm(screen, { focus = false, page = null } = {}) {
  const { survey, stage, text, langOf } = screen;
  const scale = survey.scale.map((point, i) => ({ value: i + 1, label: text(point.label), lang: langOf(point.label) }));
  const groups = [];
  const dimensions = survey.dimensions.map((dimension) => h('section', { class: 'survey-dimension', testid: `survey-dimension-${dimension.id}` },
    h('h3', { lang: langOf(dimension.title) }, text(dimension.title)),
    dimension.statements.map((statement) => {
      const name = `rating-${statement.id}`;
      const group = h('fieldset', { class: 'survey-statement', testid: `statement-${statement.id}` },
        h('legend', { lang: langOf(statement.text) }, text(statement.text)),
        h('div', { class: 'scale' }, scale.map((point) => {
          const id = `${name}-${point.value}`;
          return h('span', { class: 'scale-point' },
            h('input', { type: 'radio', name, id, value: String(point.value), testid: `rate-${statement.id}-${point.value}` }),
            h('label', { for: id, lang: point.lang }, point.label));
        })));
      groups.push({ id: statement.id, group, name });
      return group;
    })));
  const reflectionId = 'survey-reflection';
  const reflection = survey.reflection
    ? h('div', { class: 'field' },
      h('label', { for: reflectionId, lang: langOf(survey.reflection) }, text(survey.reflection)),
      h('p', { class: 'hint', id: `${reflectionId}-hint` }, t('survey-reflection-private')),
      h('textarea', { id: reflectionId, rows: '4', maxlength: String(MAX_REFLECTION), testid: 'survey-reflection',
        'aria-describedby': `${reflectionId}-hint` }))
    : null;
  const status = h('p', { class: 'form-status', role: 'status', testid: 'survey-status' });
  const submit = h('button', { type: 'submit', class: 'primary', testid: 'survey-submit' }, t('survey-submit'));
  const form = h('form', { class: 'survey-form', novalidate: true, testid: 'survey-form' },
    h('div', { class: 'card' },
      h('h2', {}, t('survey-before-you-start')),
      h('p', { lang: langOf(survey.intro), testid: 'survey-intro' }, text(survey.intro)),
      h('p', { class: 'muted' }, t('survey-what-is-sent'))),
    dimensions,
    reflection,
    status,
    h('div', { class: 'actions' },
      submit,
      // Taking it again by mistake: back to the profile, nothing recorded.
      page ? h('button', { type: 'button', testid: 'survey-cancel', onclick: () => showResults(screen, page, { focus: true }) }, t('cancel')) : null));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const ratings = {};
    const missing = [];
    for (const { id, group, name } of groups) {
      const checked = group.querySelector(`input[name="${name}"]:checked`);
      group.classList.toggle('unanswered', !checked);
      if (checked) ratings[id] = Number(checked.value);
      else missing.push(group);
    }
    if (missing.length) {
      status.textContent = t('survey-missing', { count: missing.length });
      missing[0].querySelector('input').focus();
      return;
    }
    // One take per press: a double click must not record it twice.
    if (submit.getAttribute('aria-disabled') === 'true') return;
    submit.setAttribute('aria-disabled', 'true');
    try {
      const area = form.querySelector('textarea');
      const page = await call('take_survey', {
        module: screen.moduleId, activity: screen.activityId, ratings, reflection: area ? area.value : null,
      });
      announce(t('survey-saved'));
      showResults(screen, page, { focus: true });
    } catch (err) {
      status.textContent = explain(err);
      submit.removeAttribute('aria-disabled');
    }
  });
  clear(stage).append(form);
  if (focus) focusHeading(stage);
}

/** The profile: radar and table, first take against the latest, recommendations, reflection. */
function showResults(screen, page, { focus = false } = {}) {
  const { survey, stage, text, langOf } = screen;
  const takes = page.takes;
  const first = takes[0];
  const latest = takes[takes.length - 1];
  const compared = takes.length > 1;
  const scale = latest.profile.scale;
  const mean = (take, id) => take.profile.dimensions.find((d) => d.id === id)?.mean;
  const axes = survey.dimensions
    .filter((d) => mean(latest, d.id) !== undefined)
    .map((d) => ({ id: d.id, title: text(d.title), lang: langOf(d.title), first: mean(first, d.id), latest: mean(latest, d.id) }));
  const number = new Intl.NumberFormat(language(), { minimumFractionDigits: 1, maximumFractionDigits: 2 });

  const table = h('table', { class: 'survey-table', testid: 'survey-table' },
    h('caption', {}, t('survey-table-caption', { scale })),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('survey-dimension')),
      compared ? h('th', { scope: 'col' }, t('survey-first-take', { date: formatDate(first.taken_at) })) : null,
      h('th', { scope: 'col' }, compared ? t('survey-latest-take', { date: formatDate(latest.taken_at) }) : t('survey-your-score')))),
    h('tbody', {}, axes.map((axis) => h('tr', { testid: `survey-row-${axis.id}` },
      h('th', { scope: 'row', lang: axis.lang }, axis.title),
      compared ? h('td', { class: 'n', testid: `survey-first-${axis.id}` }, number.format(axis.first ?? axis.latest)) : null,
      h('td', { class: 'n', testid: `survey-latest-${axis.id}` }, number.format(axis.latest))))));

  const advice = page.recommended.length
    ? h('section', { class: 'card', testid: 'survey-recommended' },
      h('h3', {}, t('survey-recommended')),
      h('ul', {}, page.recommended.map((r) => h('li', {},
        h('a', { href: `#/module/${encodeURIComponent(r.module)}`, testid: `recommended-${r.module}` }, r.title),
        ' — ',
        t('survey-recommended-for', {
          dimensions: r.dimensions.map((id) => axes.find((a) => a.id === id)?.title || id).join(', '),
        })))))
    : h('p', { class: 'muted', testid: 'survey-no-weak' }, t('survey-nothing-weak'));

  const reflection = latest.reflection
    ? h('section', { class: 'card' },
      h('h3', {}, t('survey-your-reflection')),
      h('p', { class: 'pre', testid: 'survey-your-reflection' }, latest.reflection),
      h('p', { class: 'hint' }, t('survey-reflection-private')))
    : null;

  clear(stage).append(h('div', { class: 'survey-results', testid: 'survey-results' },
    h('h2', {}, t('survey-profile')),
    h('p', { testid: 'survey-takes' }, compared
      ? t('survey-compared', { count: takes.length, first: formatDate(first.taken_at), latest: formatDate(latest.taken_at) })
      : t('survey-taken-on', { date: formatDate(latest.taken_at) })),
    radar(axes, scale, compared),
    table,
    advice,
    reflection,
    h('div', { class: 'actions' },
      h('button', { type: 'button', testid: 'survey-again', onclick: () => showForm(screen, { focus: true, page }) }, t('survey-take-again')))));
  if (focus) focusHeading(stage);
}

/**
 * A radar chart of the means: one axis per dimension, the centre at the scale's lowest point,
 * the rim at its highest; the latest take filled, the first one dashed. The table below gives
 * the same figures, so the chart is an image with a short description for screen readers.
 */
function radar(axes, scale, compared) {
  const size = 420;
  const centre = size / 2;
  const radius = 130;
  const n = axes.length;
  const angle = (i) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i, value) => {
    const r = radius * Math.max(0, Math.min(1, (value - 1) / (scale - 1)));
    return [centre + r * Math.cos(angle(i)), centre + r * Math.sin(angle(i))];
  };
  const points = (values) => values.map((v, i) => at(i, v).map((x) => x.toFixed(1)).join(',')).join(' ');
  const rings = [];
  for (let level = 2; level <= scale; level += 1) {
    rings.push(svg('polygon', { class: 'radar-ring', points: points(axes.map(() => level)) }));
  }
  const spokes = axes.map((_, i) => {
    const [x, y] = at(i, scale);
    return svg('line', { class: 'radar-spoke', x1: centre, y1: centre, x2: x.toFixed(1), y2: y.toFixed(1) });
  });
  const labels = axes.map((axis, i) => {
    const [x, y] = at(i, scale + (scale - 1) * 0.12);
    const cos = Math.cos(angle(i));
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    // Long titles on two or three lines, centred on the axis's end.
    const lines = wrap(axis.title, 18);
    const top = y - ((lines.length - 1) * 16) / 2;
    return svg('text', { class: 'radar-label', 'text-anchor': anchor, lang: axis.lang },
      lines.map((line, n) => svg('tspan', { x: x.toFixed(1), y: (top + n * 16).toFixed(1), 'dominant-baseline': 'middle' }, line)));
  });
  const titleId = 'survey-radar-title';
  return h('figure', { class: 'radar', testid: 'survey-radar' },
    svg('svg', { viewBox: `-140 0 ${size + 280} ${size}`, role: 'img', 'aria-labelledby': titleId, focusable: 'false' },
      svg('title', { id: titleId }, t('survey-radar-label', { count: n })),
      rings, spokes,
      svg('polygon', { class: 'radar-latest', points: points(axes.map((a) => a.latest)), 'data-testid': 'radar-latest' }),
      // Drawn over the latest, so that the latest's fill does not hide it.
      compared ? svg('polygon', { class: 'radar-first', points: points(axes.map((a) => a.first ?? a.latest)), 'data-testid': 'radar-first' }) : null,
      labels),
    compared ? h('figcaption', { class: 'radar-legend' },
      h('span', { class: 'key key-latest', 'aria-hidden': 'true' }), t('survey-legend-latest'), ' ',
      h('span', { class: 'key key-first', 'aria-hidden': 'true' }), t('survey-legend-first')) : null);
}

/** `text` cut at spaces into lines of at most about `width` characters. */
function wrap(text, width) {
  const lines = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
