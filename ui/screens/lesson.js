// The lesson reader: sanitised HTML at a comfortable width, adjustable text size, "read to
// the end" detection, and the time spent reported while the lesson is on screen.

import { call, record } from '../lib/api.js';
import { h, fragmentFromHtml, announce } from '../lib/dom.js';
import { t, pick, pickedLanguage } from '../lib/i18n.js';
import { loadModule, updateProgress, activityProgress } from '../lib/moduleCache.js';
import { handleLinks } from '../lib/links.js';
import { activityFooter, breadcrumbs, textSizeControls } from './parts.js';
import { contentLanguageOf } from '../lib/module.js';
import { notesPanel } from './notes.js';
import { showPassage } from '../lib/passage.js';

/** Time spent is reported at least this often while the lesson is visible. */
const REPORT_EVERY_S = 30;

/** `passage`: the start of a paragraph to show (from search). */
export async function render(ctx, moduleId, activityId, passage = null) {
  const view = await loadModule(moduleId);
  const { manifest } = view;
  const activity = manifest.activities.find((a) => a.id === activityId && a.kind === 'lesson');
  if (!activity) throw new Error(t('error-no-activity'));
  const lang = contentLanguageOf(manifest, ctx);
  const page = await call('lesson', { module: moduleId, activity: activityId, language: lang });
  const title = pick(activity.title, lang, manifest.default_language);
  const progress = activityProgress(view, activityId);
  let read = Boolean(progress && progress.read);

  const track = async (event) => {
    try {
      updateProgress(await record(moduleId, { activity: activityId, ...event }));
    } catch (err) {
      console.warn('record', event.kind, err.message);
    }
  };

  // The lesson's own language: a partial translation may lack this lesson (then in English).
  const article = h('article', { class: 'lesson-content', testid: 'lesson-content', lang: page.language });
  article.append(fragmentFromHtml(page.html));
  // The lesson's own first heading is the screen's heading.
  const first = article.querySelector('h1');
  if (first) first.remove();
  for (const img of article.querySelectorAll('img')) img.setAttribute('loading', 'lazy');
  // Wide tables scroll on their own, reachable with the keyboard; each region has its own name.
  article.querySelectorAll('table').forEach((table, i) => {
    table.replaceWith(h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('table', { n: i + 1 }) },
      table.cloneNode(true)));
  });
  handleLinks(article, view, ctx);

  const readState = h('p', { class: 'read-state', role: 'status', tabindex: '-1', testid: 'lesson-read-state' });
  const markButton = h('button', { type: 'button', class: 'primary', testid: 'mark-as-read', onclick: () => markRead(true) },
    t('mark-as-read'));
  const showRead = () => {
    readState.textContent = read ? t('lesson-is-read') : t('lesson-not-read');
    readState.classList.toggle('is-read', read);
    markButton.hidden = read;
  };
  showRead();

  async function markRead(byButton) {
    if (read) return;
    read = true;
    const hadFocus = document.activeElement === markButton;
    showRead();
    // The button disappears: its focus goes to the sentence that replaces it.
    if (hadFocus) readState.focus();
    await track({ kind: 'lesson_read' });
    announce(byButton ? t('lesson-marked-read') : t('lesson-reached-end'));
  }

  const endMarker = h('div', { class: 'end-marker', testid: 'lesson-end', 'aria-hidden': 'true' });
  const root = h('section', { class: 'screen reader' },
    breadcrumbs(manifest, ctx),
    h('div', { class: 'reader-head' },
      h('h1', { testid: 'lesson-title', lang: pickedLanguage(activity.title, lang, manifest.default_language) }, title),
      textSizeControls(ctx)),
    article,
    endMarker,
    h('div', { class: 'card lesson-end' }, readState, h('div', { class: 'actions' }, markButton)),
    notesPanel(moduleId, activityId),
    activityFooter(manifest, activityId, ctx));

  // Time on screen: counted while the page is visible.
  let pending = 0;
  let lastTick = performance.now();
  const tick = () => {
    const now = performance.now();
    if (document.visibilityState === 'visible') pending += (now - lastTick) / 1000;
    lastTick = now;
  };
  const flush = async () => {
    tick();
    const seconds = Math.round(pending * 10) / 10;
    if (seconds < 1) return;
    pending = 0;
    await track({ kind: 'lesson_time', seconds });
  };
  const timer = setInterval(() => {
    tick();
    if (pending >= REPORT_EVERY_S) flush();
  }, 5000);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
    else lastTick = performance.now();
  };
  document.addEventListener('visibilitychange', onVisibility);

  let observer = null;
  const afterShow = () => {
    if (passage) showPassage(article, passage);
    track({ kind: 'lesson_opened' });
    observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) markRead(false);
    }, { root: ctx.main, threshold: 0 });
    // Wait until the learner has had a chance to start reading before watching the end.
    setTimeout(() => { if (observer) observer.observe(endMarker); }, 1500);
  };

  const cleanup = async () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    if (observer) observer.disconnect();
    observer = null;
    await flush();
  };
  return { node: root, cleanup, afterShow };
}
