// Turns an error from the app into words for the learner: errors of a known kind are
// translated, others are shown as the app wrote them (already plain English words).

import { t } from './i18n.js';

/** The error's words: its kind's, translated, when the app gave one (see `CommandError`). */
export function explain(err) {
  if (err && typeof err.kind === 'string') return t(`error-${err.kind}`);
  return (err && err.message) || String(err);
}

/** True when the error only says the LRS could not be reached (a background sync ignores it). */
export function isUnreachable(err) {
  return !!err && err.kind === 'unreachable';
}
