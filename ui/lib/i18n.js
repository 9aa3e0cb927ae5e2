// Interface texts through Project Fluent (ui/vendor/fluent-bundle): the messages live in
// ui/i18n/<lang>.ftl, fetched from the app's own origin. English is loaded as a fallback
// under every other language, so a message missing from a translation still reads well.

import { FluentBundle, FluentResource } from '../vendor/fluent-bundle/index.js';

/** Interface languages, with their own names (shown in language pickers). */
export const UI_LANGUAGES = [
  { code: 'fr', name: 'Français' },
  { code: 'en', name: 'English' },
  { code: 'ro', name: 'Română' },
  { code: 'el', name: 'Ελληνικά' },
  { code: 'nl', name: 'Nederlands' },
  { code: 'de', name: 'Deutsch' },
];

let bundles = [];
let current = 'en';

async function load(code) {
  const response = await fetch(`i18n/${code}.ftl`);
  if (!response.ok) throw new Error(`cannot load i18n/${code}.ftl (${response.status})`);
  const bundle = new FluentBundle(code, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(await response.text()));
  for (const error of errors) console.warn(`i18n/${code}.ftl: ${error}`);
  return bundle;
}

/** The interface language for a wanted tag ("fr-BE" → "fr"), English when unsupported. */
export function supported(tag) {
  if (!tag) return null;
  const base = String(tag).toLowerCase().split(/[-_]/)[0];
  return UI_LANGUAGES.some((l) => l.code === base) ? base : null;
}

export async function setLanguage(tag) {
  const code = supported(tag) || 'en';
  const loaded = [await load(code)];
  if (code !== 'en') loaded.push(await load('en'));
  bundles = loaded;
  current = code;
  document.documentElement.lang = code;
  return code;
}

export function language() {
  return current;
}

/** The text of message `id` (or of `id.attr`), with `args`. */
export function t(id, args) {
  const [messageId, attribute] = id.split('.');
  for (const bundle of bundles) {
    const message = bundle.getMessage(messageId);
    if (!message) continue;
    const pattern = attribute ? message.attributes[attribute] : message.value;
    if (!pattern) continue;
    return bundle.formatPattern(pattern, args);
  }
  console.warn(`missing message ${id}`);
  return id;
}

/** A module text ({fr: …, en: …}) in the learner's language, else English, else the module's default. */
export function pick(texts, preferred, fallback) {
  if (!texts) return '';
  // As the core's `localized`: the language asked for, else English, else the module's default.
  return texts[preferred] ?? texts.en ?? texts[fallback] ?? Object.values(texts)[0] ?? '';
}

/** The language `pick` takes its text from, for the `lang` attribute of what shows it. */
export function pickedLanguage(texts, preferred, fallback) {
  if (!texts) return fallback;
  for (const lang of [preferred, 'en', fallback]) if (texts[lang] !== undefined) return lang;
  return Object.keys(texts)[0] || fallback;
}

/** A language's name in the interface language ("fr" → "French"). */
export function languageName(code) {
  try {
    const names = new Intl.DisplayNames([current], { type: 'language' });
    const name = names.of(code);
    return name ? name.charAt(0).toLocaleUpperCase(current) + name.slice(1) : code;
  } catch {
    return code;
  }
}

/** A language's name as written inside a sentence: "anglais" in French, "English" in English. */
export function languageNameInText(code) {
  try {
    return new Intl.DisplayNames([current], { type: 'language' }).of(code) || code;
  } catch {
    return code;
  }
}

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(current, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

/** "1:05" for 65 seconds. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function percent(value) {
  return new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}
