// A module's page: what it is about, its activities with their status, its completion.

import { h } from '../lib/dom.js';
import { t, pick, pickedLanguage, languageName, languageNameInText, formatDate, percent } from '../lib/i18n.js';
import { loadModule, activityProgress } from '../lib/moduleCache.js';
import { routeOf, statusLabel, kindLabel, contentLanguageOf } from '../lib/module.js';
import { call, inApp } from '../lib/api.js';

export async function render(ctx, id) {
  const view = await loadModule(id, { fresh: true });
  const { manifest, progress } = view;
  const lang = contentLanguageOf(manifest, ctx);
  const text = (texts) => pick(texts, lang, manifest.default_language);
  // Each text's own language: a partial translation may lack it (then English, marked so).
  const langOf = (texts) => pickedLanguage(texts, lang, manifest.default_language);
  const title = text(manifest.title);

  const root = h('section', { class: 'screen module-page' });
  root.append(
    // In an LMS the module is all there is: no catalogue to go back to.
    ...(inApp() ? [h('nav', { class: 'breadcrumbs', 'aria-label': t('breadcrumbs') },
      h('a', { href: '#/catalogue', testid: 'back-to-catalogue' }, t('back-to-catalogue')))] : []),
    h('div', { class: 'screen-head' },
      h('h1', { testid: 'module-title', lang: langOf(manifest.title) }, title),
      h('p', { class: 'organisation' }, manifest.organisation.name),
      h('p', { class: 'lead', lang: langOf(manifest.description) }, text(manifest.description)),
      h('p', { class: 'meta' }, [
        t('minutes', { minutes: manifest.estimated_minutes }),
        manifest.languages.map(languageName).join(', '),
        t('version', { version: manifest.version }),
      ].join(' · '))),
    languageChoice(manifest, ctx));

  // Completion.
  // The core decides each activity's status (`Status` in src/store/tracking.rs); the page shows it.
  const statuses = manifest.activities.map((a) => progress.status[a.id] || 'not_started');
  const done = progress.done;
  const completion = h('section', { class: `card completion ${progress.completed_at ? 'is-complete' : ''}`,
    'aria-labelledby': 'completion-title', testid: 'module-completion' },
    h('h2', { id: 'completion-title' }, progress.completed_at ? t('module-completed') : t('module-progress')),
    h('div', { class: 'progress-line' },
      h('progress', { max: String(manifest.activities.length), value: String(done), 'aria-labelledby': 'completion-title',
        testid: 'module-progress' }),
      h('span', { class: 'progress-text' }, t('activities-done', { done, total: manifest.activities.length }))),
    progress.completed_at
      ? h('p', { testid: 'module-completed-at' }, t('module-completed-on', { date: formatDate(progress.completed_at) }))
      : h('div', {}, h('p', {}, t('completion-rule-intro')), completionRule(manifest.completion, manifest.activities.some((a) => a.kind === 'survey'))),
    // What the app adds once complete (the attestation); the LMS player has its own records.
    progress.completed_at && ctx.completionTools ? ctx.completionTools(manifest) : null);

  // Objectives.
  const objectives = text(manifest.objectives) || [];
  const objectivesSection = h('section', { class: 'objectives', 'aria-labelledby': 'objectives-title' },
    h('h2', { id: 'objectives-title' }, t('objectives')),
    h('ul', { class: 'checklist', lang: langOf(manifest.objectives) }, objectives.map((o) => h('li', {}, o))));

  // Activities.
  const list = h('ol', { class: 'activity-list', testid: 'activity-list' });
  manifest.activities.forEach((activity, index) => {
    const p = activityProgress(view, activity.id);
    const status = statuses[index];
    const activityTitle = text(activity.title);
    list.append(h('li', { class: `activity status-${status}`, testid: `activity-${activity.id}`, 'data-status': status },
      h('span', { class: 'step', 'aria-hidden': 'true' }, status === 'done' ? '✓' : String(index + 1)),
      h('div', { class: 'activity-body' },
        h('span', { class: 'kind' }, kindLabel(activity.kind)),
        h('a', { href: `#/${routeOf(manifest.id, activity)}`, class: 'activity-link', testid: `open-activity-${activity.id}`,
          lang: langOf(activity.title) }, activityTitle),
        detail(activity, p)),
      h('span', { class: `badge status ${status}`, testid: `activity-status-${activity.id}` }, statusLabel(status))));
  });

  root.append(completion,
    h('div', { class: 'two-columns' },
      h('section', { 'aria-labelledby': 'activities-title' }, h('h2', { id: 'activities-title' }, t('activities')), list),
      objectivesSection));
  // Tools the app adds for trainers (the LMS export); the LMS player has none.
  if (ctx.moduleTools) root.append(ctx.moduleTools(manifest));
  return { node: root };
}

/**
 * The module's language for this learner: a notice when it lacks theirs (the core then shows
 * English, or the module's default), and a choice among its languages, remembered per module.
 */
function languageChoice(manifest, ctx) {
  const content = manifest.content;
  const languages = manifest.languages.concat(manifest.partial_languages || []);
  if (!content || (languages.length < 2 && content.why !== 'fallback')) return null;
  const select = h('select', { id: 'content-language', testid: 'content-language' },
    languages.map((l) => h('option', { value: l, selected: l === content.language }, languageName(l))));
  select.addEventListener('change', async () => {
    await call('choose_content_language', { id: manifest.id, language: select.value });
    ctx.focusAfter = 'content-language';
    ctx.navigate(`module/${encodeURIComponent(manifest.id)}`);
  });
  return h('div', { class: 'language-choice', testid: 'language-choice' },
    content.why === 'fallback'
      ? h('p', { class: 'notice', role: 'note', testid: 'language-fallback' },
        t('content-language-fallback', { wanted: languageNameInText(content.wanted), shown: languageNameInText(content.language) }))
      : null,
    h('label', { for: 'content-language' }, t('content-language-label')), ' ', select);
}

function detail(activity, p) {
  if (!p) return null;
  if (p.kind === 'video' && p.watched_percent > 0) {
    return h('span', { class: 'detail' }, t('video-watched-percent', { percent: percent(p.watched_percent / 100) }));
  }
  if (p.kind === 'quiz' && p.attempts > 0) {
    const parts = [t('quiz-attempts', { count: p.attempts })];
    if (p.best_scaled !== null && p.best_scaled !== undefined) parts.push(t('quiz-best', { score: percent(p.best_scaled) }));
    return h('span', { class: 'detail' }, parts.join(' · '));
  }
  if (p.kind === 'survey' && p.takes > 0) {
    return h('span', { class: 'detail' }, t('survey-takes', { count: p.takes }));
  }
  return null;
}

function completionRule(rule, hasSurvey) {
  const items = [];
  if (rule.all_lessons_read) items.push(t('rule-lessons'));
  if (rule.videos_watched_percent) items.push(t('rule-videos', { percent: rule.videos_watched_percent }));
  if (rule.quizzes_passed) items.push(t('rule-quizzes'));
  if (hasSurvey) items.push(t('rule-surveys'));
  return h('ul', { class: 'rule-list' }, items.map((i) => h('li', {}, i)));
}
