// The web player of a module exported for an LMS: the app's own screens (module page, lesson,
// capsule, quiz) over a backend that answers the app's commands with the core's rules in
// WebAssembly, and reports to the LMS through its run-time (SCORM 1.2 or cmi5).

import { useBackend } from '../lib/api.js';
import { h, clear } from '../lib/dom.js';
import { t, setLanguage, supported } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { routeOf } from '../lib/module.js';
import * as moduleScreen from '../screens/module.js';
import * as lesson from '../screens/lesson.js';
import * as video from '../screens/video.js';
import * as quiz from '../screens/quiz.js';
import { loadRules } from './rules.js';
import { createBackend, learnerLanguage, CONTENT } from './backend.js';
import { findApi, connect, preview } from './scorm12.js';
import { launchParameters, connect as connectCmi5 } from './cmi5.js';

const ROUTES = [
  [/^lesson\/([^/]+)\/([^/]+)$/, lesson],
  [/^video\/([^/]+)\/([^/]+)$/, video],
  [/^quiz\/([^/]+)\/([^/]+)$/, quiz],
];
const TEXT_SIZES = ['100', '115', '130', '150'];

let backend = null;
let lms = null;
const preferences = {};

/** What every screen is given (as the app's `ctx`, without profiles or settings). */
const ctx = {
  main: null,
  focusAfter: null,
  learner: null,
  contentLanguage: () => supported(learnerLanguage(lms.language())) || 'en',
  navigate(route) {
    const hash = `#/${route}`;
    if (location.hash === hash) show();
    else location.hash = hash;
  },
  preference: (name) => preferences[name] || null,
  async setPreference(name, value) {
    preferences[name] = value;
    applyTextSize();
  },
  textSizes: TEXT_SIZES,
};

function applyTextSize() {
  const size = preferences.text_size || '100';
  for (const s of TEXT_SIZES) document.documentElement.classList.toggle(`text-${s}`, s === size);
}

let cleanup = null;
let renderToken = 0;

async function show() {
  const token = ++renderToken;
  if (cleanup) {
    const done = cleanup;
    cleanup = null;
    try { await done(); } catch (err) { console.error(err); }
  }
  const route = decodeURI(location.hash.replace(/^#\/?/, ''));
  let screen = moduleScreen;
  let params = [backend.module.id];
  for (const [pattern, candidate] of ROUTES) {
    const match = route.match(pattern);
    if (match) {
      screen = candidate;
      params = match.slice(1).map(decodeURIComponent);
      break;
    }
  }
  const main = ctx.main;
  main.setAttribute('aria-busy', 'true');
  let result;
  try {
    result = await screen.render(ctx, ...params);
  } catch (err) {
    console.error(err);
    result = { node: h('section', { class: 'screen narrow' }, h('h1', {}, t('error-title')),
      h('p', { class: 'notice error', testid: 'error-message' }, explain(err))) };
  }
  if (token !== renderToken) {
    if (result.cleanup) await result.cleanup();
    return;
  }
  cleanup = result.cleanup || null;
  clear(main).append(result.node);
  const notice = backend.takeNotice();
  if (notice) main.prepend(h('p', { class: 'notice', role: 'status', testid: 'lms-notice' }, t(notice)));
  if (lms.kind === 'preview') {
    main.prepend(h('p', { class: 'notice', role: 'status', testid: 'lms-preview' }, t('lms-preview')));
  }
  main.removeAttribute('aria-busy');
  const heading = main.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    document.title = heading.textContent;
    heading.focus({ preventScroll: true });
  }
  if (ctx.focusAfter) {
    const target = main.querySelector(`[data-testid="${ctx.focusAfter}"]`);
    ctx.focusAfter = null;
    if (target) target.focus();
  }
  if (result.afterShow) result.afterShow();
}

async function start() {
  ctx.main = document.getElementById('main');
  // Launched by a cmi5 LMS (its parameters in the URL), else inside a SCORM 1.2 LMS, else a preview.
  const launch = launchParameters();
  const api = launch ? null : findApi();
  if (launch) lms = await connectCmi5(launch);
  else lms = api ? connect(api) : preview();
  await setLanguage(supported(learnerLanguage(lms.language())) || 'en');
  const [wasm, moduleText] = await Promise.all([
    fetch('lms/rules.wasm').then((r) => r.arrayBuffer()),
    fetch(`${CONTENT}/module.json`).then((r) => r.text()),
  ]);
  backend = createBackend({ ask: await loadRules(wasm), moduleText, lms });
  useBackend(backend.call);
  // A screen's last report (time on a lesson, a capsule's position) is made before leaving.
  window.addEventListener('pagehide', async () => {
    if (cleanup) {
      const done = cleanup;
      cleanup = null;
      try { await done(); } catch (err) { console.error(err); }
    }
    lms.finish();
  });
  window.addEventListener('hashchange', show);
  // Back where the learner left off (SCORM's lesson_location), when they come back.
  const resume = JSON.parse(moduleText).activities.find((a) => a.id === lms.location());
  if (!location.hash && resume) location.replace(`#/${routeOf(backend.module.id, resume)}`);
  await show();
}

start().catch((err) => {
  console.error(err);
  const main = document.getElementById('main');
  clear(main).append(h('p', { class: 'notice error', role: 'alert', testid: 'error-message' }, String(err.message || err)));
});
