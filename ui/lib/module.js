// Shared knowledge about modules and activities: routes, titles, status labels.

import { t, pick } from './i18n.js';

export function routeOf(moduleId, activity) {
  const kind = activity.kind === 'video' ? 'video' : activity.kind;
  return `${kind}/${encodeURIComponent(moduleId)}/${encodeURIComponent(activity.id)}`;
}

export function titleOf(manifest, texts, ctx) {
  return pick(texts, contentLanguageOf(manifest, ctx), manifest.default_language);
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

/**
 * The language module texts are shown in: what the core decided for the signed-in learner
 * (`manifest.content`, see src/language.rs), else the page's language when the module has it.
 */
export function contentLanguageOf(manifest, ctx) {
  if (manifest.content) return manifest.content.language;
  const lang = ctx.contentLanguage();
  return manifest.languages.includes(lang) ? lang : manifest.default_language;
}
