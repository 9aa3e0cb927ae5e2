// Shared knowledge about modules and activities: routes, titles, statuses.

import { t, pick } from './i18n.js';

export function routeOf(moduleId, activity) {
  const kind = activity.kind === 'video' ? 'video' : activity.kind;
  return `${kind}/${encodeURIComponent(moduleId)}/${encodeURIComponent(activity.id)}`;
}

export function titleOf(manifest, texts, ctx) {
  return pick(texts, ctx.contentLanguage(), manifest.default_language);
}

/** 'done' | 'in_progress' | 'not_started' for an activity's progress entry. */
export function statusOf(progress) {
  if (!progress) return 'not_started';
  switch (progress.kind) {
    case 'lesson':
      return progress.read ? 'done' : progress.opened ? 'in_progress' : 'not_started';
    case 'video':
      return progress.completed ? 'done' : (progress.watched_percent > 0 || progress.position > 0) ? 'in_progress' : 'not_started';
    case 'quiz':
      return progress.passed ? 'done' : (progress.attempts > 0 || progress.in_progress) ? 'in_progress' : 'not_started';
    default:
      return 'not_started';
  }
}

export function statusLabel(status) {
  return t(`status-${status.replace('_', '-')}`);
}

/** The activity after `activityId`, or null. */
export function nextActivity(manifest, activityId) {
  const index = manifest.activities.findIndex((a) => a.id === activityId);
  return index >= 0 ? manifest.activities[index + 1] || null : null;
}

export function kindLabel(kind) {
  return t(`kind-${kind}`);
}

/** The language module texts are shown in (the learner's, or the module's default). */
export function contentLanguageOf(manifest, ctx) {
  const lang = ctx.contentLanguage();
  return manifest.languages.includes(lang) ? lang : manifest.default_language;
}
