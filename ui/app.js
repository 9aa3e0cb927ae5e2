// DLIS Learn's page: the shell (header, live regions, drag and drop, background sync) and a
// small hash router that shows one screen at a time from ui/screens/.

import { call, listen } from './lib/api.js';
import { h, clear, announce } from './lib/dom.js';
import { t, setLanguage, supported, language } from './lib/i18n.js';
import { explain, isUnreachable } from './lib/errors.js';
import { watchIdle, IDLE_DEFAULT } from './lib/idle.js';
import * as profiles from './screens/profiles.js';
import * as catalogue from './screens/catalogue.js';
import * as moduleScreen from './screens/module.js';
import * as lesson from './screens/lesson.js';
import * as video from './screens/video.js';
import * as quiz from './screens/quiz.js';
import * as survey from './screens/survey.js';
import * as install from './screens/install.js';
import * as settings from './screens/settings.js';
import * as damaged from './screens/damaged.js';
import * as search from './screens/search.js';
import * as link from './screens/link.js';
import * as records from './screens/records.js';
import { lmsExportSection } from './screens/lmsExport.js';
import { attestationButton } from './screens/attestation.js';

const ROUTES = [
  [/^profiles$/, profiles, false],
  [/^catalogue$/, catalogue, true],
  [/^module\/([^/]+)$/, moduleScreen, true],
  [/^lesson\/([^/]+)\/([^/]+)$/, lesson, true],
  [/^video\/([^/]+)\/([^/]+)$/, video, true],
  // From search: a lesson at a passage, a capsule at a cue (`@seconds`) or a transcript passage.
  [/^lesson\/([^/]+)\/([^/]+)\/(.+)$/, lesson, true],
  [/^video\/([^/]+)\/([^/]+)\/(.+)$/, video, true],
  [/^search\/?(.*)$/, search, true],
  [/^quiz\/([^/]+)\/([^/]+)$/, quiz, true],
  [/^survey\/([^/]+)\/([^/]+)$/, survey, true],
  [/^install$/, install, false],
  // A bundle path in the route (tests, or a link from another screen): inspected at once.
  [/^install\/(.+)$/, install, false],
  [/^settings$/, settings, false],
  [/^link$/, link, true],
  [/^records$/, records, false],
  // Export files in the route (tests, or a link from another screen): merged at once.
  [/^records\/(.+)$/, records, false],
];

const SYNC_EVERY_MS = 5 * 60 * 1000;
const TEXT_SIZES = ['100', '115', '130', '150'];

/** What every screen is given. */
const ctx = {
  info: null,
  /** A language chosen on the profile picker, for this session only. */
  sessionLanguage: null,
  /** A bundle dropped on the window, for the install screen. */
  droppedPath: null,
  /** The data-testid to focus once the next screen is shown, instead of its heading. */
  focusAfter: null,
  /** The last background sync's outcome, for the settings screen. */
  lastSync: null,
  main: null,
  get learner() { return this.info && this.info.learner; },
  /** The language module content is shown in: the learner's. */
  contentLanguage() { return (this.learner && this.learner.language) || language(); },
  navigate(route) {
    const hash = `#/${route}`;
    if (location.hash === hash) show();
    else location.hash = hash;
  },
  async refresh() {
    this.info = await call('app_state');
    await applyLanguage();
    applyPreferences();
    applyIdleLock();
    renderHeader();
  },
  preference(name) {
    return (this.info && this.info.preferences && this.info.preferences[name]) || null;
  },
  async setPreference(name, value) {
    await call('set_preference', { name, value });
    this.info.preferences = { ...(this.info.preferences || {}), [name]: value };
    applyPreferences();
    applyIdleLock();
  },
  textSizes: TEXT_SIZES,
  syncNow,
  moduleTools: lmsExportSection,
  completionTools: attestationButton,
};

async function applyLanguage() {
  const info = ctx.info || {};
  const wanted = supported(info.ui_language)
    || (info.learner ? supported(info.learner.language) : supported(ctx.sessionLanguage))
    || supported(navigator.language) || 'en';
  if (wanted !== language() || !document.documentElement.dataset.i18n) {
    await setLanguage(wanted);
    document.documentElement.dataset.i18n = 'ready';
  }
}

const SYSTEM_DARK = window.matchMedia('(prefers-color-scheme: dark)');
const SYSTEM_CONTRAST = window.matchMedia('(prefers-contrast: more)');

/**
 * The theme shown: the signed-in profile's choice; otherwise this computer's high-contrast
 * setting; otherwise the system's (more contrast, then dark mode), followed as it changes.
 */
function themeNow() {
  const chosen = ctx.learner && ctx.learner.theme;
  if (chosen) return chosen;
  if (ctx.preference('high_contrast') === 'on' || SYSTEM_CONTRAST.matches) return 'contrast';
  return SYSTEM_DARK.matches ? 'dark' : 'light';
}

function applyPreferences() {
  const root = document.documentElement;
  const size = ctx.preference('text_size');
  for (const s of TEXT_SIZES) root.classList.toggle(`text-${s}`, s === (TEXT_SIZES.includes(size) ? size : '100'));
  const theme = themeNow();
  root.classList.toggle('theme-contrast', theme === 'contrast');
  root.classList.toggle('theme-dark', theme === 'dark');
  root.dataset.theme = theme;
  root.classList.toggle('reduce-motion', ctx.preference('reduce_motion') === 'on');
}
SYSTEM_DARK.addEventListener('change', applyPreferences);
SYSTEM_CONTRAST.addEventListener('change', applyPreferences);

let stopIdle = null;
let idleKey = null;
let idleWarning = null;

/** Watches the signed-in profile for idleness with the delay of Settings; nobody signed in, nothing. */
function applyIdleLock() {
  const info = ctx.info || {};
  const minutes = ctx.preference('idle_lock') || IDLE_DEFAULT;
  const wanted = info.learner && minutes !== 'never' ? `${info.learner.id} ${minutes}` : null;
  if (wanted === idleKey) return;
  if (stopIdle) stopIdle();
  stopIdle = null;
  hideIdleWarning();
  idleKey = wanted;
  if (!wanted) return;
  const delayMs = Number(minutes) * (info.idle_minute_seconds || 60) * 1000;
  stopIdle = watchIdle({
    delayMs,
    warnMs: Math.min(30000, delayMs / 2),
    onWarn: showIdleWarning,
    onActive: hideIdleWarning,
    onLock: async () => {
      hideIdleWarning();
      await signOut(t('idle-locked', { minutes: Number(minutes) }));
    },
  });
}

function showIdleWarning(seconds) {
  hideIdleWarning();
  idleWarning = h('div', { class: 'idle-warning', role: 'alert', testid: 'idle-warning' },
    h('p', {}, t('idle-warning', { seconds })),
    h('button', { type: 'button', class: 'primary', testid: 'idle-stay', onclick: hideIdleWarning }, t('idle-stay')));
  document.body.append(idleWarning);
}

function hideIdleWarning() {
  if (idleWarning) idleWarning.remove();
  idleWarning = null;
}

function renderHeader() {
  const header = clear(document.getElementById('top'));
  const skip = document.querySelector('.skip-link');
  skip.textContent = t('skip-to-content');
  const info = ctx.info || {};
  const route = currentRoute();
  const link = (href, label, testid, active) =>
    h('a', { href, testid, class: 'nav-link', 'aria-current': active ? 'page' : null }, label);
  const brand = h('span', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'D'), t('app-name'));
  header.append(brand);
  if (info.store_problem) return;
  if (info.learner) {
    header.append(
      h('nav', { class: 'main-nav', 'aria-label': t('nav-label') },
        link('#/catalogue', t('nav-catalogue'), 'nav-catalogue',
          /^(catalogue|module|lesson|video|quiz|survey)/.test(route)),
        link('#/search/', t('nav-search'), 'nav-search', route.startsWith('search')),
        link('#/install', t('nav-install'), 'nav-install', route.startsWith('install')),
        link('#/settings', t('nav-settings'), 'nav-settings', route === 'settings')),
      h('div', { class: 'who' },
        h('span', { class: 'who-name', testid: 'current-learner', 'data-name': info.learner.display_name },
          h('span', { class: 'avatar small', 'aria-hidden': 'true' },
            Array.from(info.learner.display_name.trim())[0]?.toLocaleUpperCase() || '?'),
          h('span', { class: 'visually-hidden' }, t('signed-in-as', { name: info.learner.display_name })),
          h('span', { 'aria-hidden': 'true' }, info.learner.display_name)),
        h('button', { type: 'button', class: 'quiet', testid: 'switch-learner', onclick: signOut },
          t('switch-learner'))));
  } else {
    header.append(h('nav', { class: 'main-nav', 'aria-label': t('nav-label') },
      link('#/profiles', t('nav-profiles'), 'nav-profiles', route === 'profiles' || route === ''),
      link('#/install', t('nav-install'), 'nav-install', route.startsWith('install')),
      link('#/settings', t('nav-settings'), 'nav-settings', route === 'settings')));
  }
}

async function signOut(message) {
  try {
    await leaveScreen();
    await call('sign_out');
    ctx.sessionLanguage = null;
    await ctx.refresh();
    announce(typeof message === 'string' ? message : t('signed-out'));
    ctx.navigate('profiles');
  } catch (err) {
    announce(explain(err), true);
  }
}

function currentRoute() {
  return decodeURI(location.hash.replace(/^#\/?/, ''));
}

let cleanup = null;
let renderToken = 0;
let firstShown = false;

async function leaveScreen() {
  const done = cleanup;
  cleanup = null;
  if (done) {
    try { await done(); } catch (err) { console.error(err); }
  }
}

async function show() {
  const token = ++renderToken;
  await leaveScreen();
  const info = ctx.info;
  let route = currentRoute();
  let screen = null;
  let params = [];
  if (info.store_problem) {
    screen = damaged;
  } else {
    for (const [pattern, candidate, needsLearner] of ROUTES) {
      const match = route.match(pattern);
      if (match) {
        screen = needsLearner && !info.learner ? profiles : candidate;
        params = match.slice(1).map(decodeURIComponent);
        break;
      }
    }
    if (!screen) screen = info.learner ? catalogue : profiles;
  }
  renderHeader();
  const main = ctx.main;
  main.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await screen.render(ctx, ...params);
  } catch (err) {
    console.error(err);
    result = { node: errorScreen(err) };
  }
  if (token !== renderToken) {
    if (result && result.cleanup) await result.cleanup();
    return;
  }
  cleanup = (result && result.cleanup) || null;
  clear(main).append(result.node);
  main.removeAttribute('aria-busy');
  main.scrollTop = 0;
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    document.title = `${heading.textContent} — ${t('app-name')}`;
    heading.focus({ preventScroll: true });
  }
  // A screen re-shown after a change made on it (a language, a PIN) keeps the focus there.
  if (ctx.focusAfter) {
    const target = main.querySelector(`[data-testid="${ctx.focusAfter}"]`);
    ctx.focusAfter = null;
    if (target) target.focus();
  }
  if (result.afterShow) result.afterShow();
  if (!firstShown) {
    // For the start-up benchmark: the shell notes when the first screen is on display.
    firstShown = true;
    requestAnimationFrame(() => call('screen_shown', { screen: main.firstElementChild?.dataset.testid || route })
      .catch(() => {}));
  }
}

function errorScreen(err) {
  return h('section', { class: 'screen narrow' },
    h('h1', {}, t('error-title')),
    h('p', { class: 'notice error', testid: 'error-message' }, explain(err)),
    h('p', {}, h('a', { class: 'button', href: '#/catalogue', testid: 'error-back' }, t('back-to-catalogue'))));
}

async function syncNow() {
  try {
    const status = await call('sync_now');
    ctx.lastSync = { at: new Date().toISOString(), status, error: null };
  } catch (err) {
    ctx.lastSync = { at: new Date().toISOString(), status: null, error: err };
    if (!isUnreachable(err)) console.warn('sync:', err.message);
    throw err;
  }
  return ctx.lastSync.status;
}

async function backgroundSync() {
  if (!ctx.info || ctx.info.store_problem) return;
  try {
    const institution = await call('institution');
    if (institution) await syncNow();
  } catch {
    // Quietly: the settings screen shows the last error in plain words.
  }
}

function setUpDragAndDrop() {
  const overlay = document.getElementById('drop-overlay');
  const hide = () => overlay.classList.remove('visible');
  listen('tauri://drag-enter', () => {
    if (ctx.info && !ctx.info.store_problem) {
      overlay.querySelector('p').textContent = t('drop-here');
      overlay.classList.add('visible');
    }
  });
  listen('tauri://drag-leave', hide);
  listen('tauri://drag-drop', (payload) => {
    hide();
    const paths = (payload && payload.paths) || [];
    if (!paths.length || !ctx.info || ctx.info.store_problem) return;
    ctx.droppedPath = paths[0];
    ctx.navigate('install');
  });
}

/** Links in module texts must never navigate the app's window away from itself. */
function guardNavigation() {
  document.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[href]');
    if (!a) return;
    const href = a.getAttribute('href');
    if (href.startsWith('#/')) return;
    e.preventDefault();
    if (a.classList.contains('skip-link')) {
      const target = ctx.main.querySelector('h1') || ctx.main;
      target.focus();
    }
  });
}

async function start() {
  ctx.main = document.getElementById('main');
  guardNavigation();
  try {
    await ctx.refresh();
  } catch (err) {
    await setLanguage(supported(navigator.language) || 'en');
    clear(ctx.main).append(errorScreen(err));
    return;
  }
  window.addEventListener('hashchange', show);
  setUpDragAndDrop();
  // On closing the window, the open screen reports what it still holds (time spent, position).
  window.addEventListener('pagehide', () => { leaveScreen(); });
  await show();
  setTimeout(backgroundSync, 20 * 1000);
  setInterval(backgroundSync, SYNC_EVERY_MS);
}

start();
