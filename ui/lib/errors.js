// Turns an error from the app into words for the learner: known messages are translated,
// others are shown as the app wrote them (already plain English words).

import { t } from './i18n.js';

const KNOWN = [
  [/^wrong PIN/i, 'error-wrong-pin'],
  [/a PIN is 4 to 12 digits/i, 'error-bad-pin'],
  [/name cannot be empty/i, 'error-empty-name'],
  [/name is at most/i, 'error-name-too-long'],
  [/is not a language tag/i, 'error-language'],
  [/cannot be reached or is busy/i, 'error-unreachable'],
  [/refused the credentials/i, 'error-credentials'],
  [/no institution is set up/i, 'error-no-institution'],
  [/no attempts left/i, 'error-no-attempts'],
  [/is older; nothing was installed/i, 'error-older'],
  [/^no module .* is installed/i, 'error-not-installed'],
  [/already installed with different content/i, 'error-same-version-differs'],
];

export function explain(err) {
  const message = (err && err.message) || String(err);
  for (const [pattern, id] of KNOWN) {
    if (pattern.test(message)) return t(id);
  }
  return message;
}

/** True when the error only says the LRS could not be reached (a background sync ignores it). */
export function isUnreachable(err) {
  return /cannot be reached or is busy/i.test((err && err.message) || String(err));
}
