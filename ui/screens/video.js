// The capsule player: the video from the media server with subtitles, the transcript beside
// it, playback speed, keyboard controls, resume at the last position, and the intervals
// actually played reported as `video_watched` events (seeks are never counted).

import { call, record } from '../lib/api.js';
import { h, fragmentFromHtml, announce, newId } from '../lib/dom.js';
import { t, pick, pickedLanguage, languageName, clock, percent, language } from '../lib/i18n.js';
import { loadModule, updateProgress, activityProgress } from '../lib/moduleCache.js';
import { handleLinks } from '../lib/links.js';
import { activityFooter, breadcrumbs } from './parts.js';
import { contentLanguageOf } from '../lib/module.js';
import { notesPanel } from './notes.js';
import { showPassage } from '../lib/passage.js';

const SPEEDS = [0.75, 1, 1.25, 1.5, 2];
const SEEK_STEP = 5;
/** A long interval is reported in pieces of about this many seconds while it plays. */
const PIECE_S = 15;
/** How long the picture may stand still while playing before the player restarts it. */
const STALL_MS = 3000;

/**
 * `place` (from search): `@<seconds>` opens the capsule at that time (a subtitle cue), other
 * text shows that passage of the transcript.
 */
export async function render(ctx, moduleId, activityId, place = null) {
  const cueAt = place && place.startsWith('@') ? Number(place.slice(1)) : null;
  const view = await loadModule(moduleId);
  const { manifest } = view;
  const activity = manifest.activities.find((a) => a.id === activityId && a.kind === 'video');
  if (!activity) throw new Error(t('error-no-activity'));
  const lang = contentLanguageOf(manifest, ctx);
  const [state, transcriptPage] = await Promise.all([
    call('video_state', { module: moduleId, activity: activityId }),
    call('transcript', { module: moduleId, activity: activityId, language: lang }).catch(() => null),
  ]);
  const title = pick(activity.title, lang, manifest.default_language);
  const url = (path) => `${view.asset_base}/${path.split('/').map(encodeURIComponent).join('/')}`;

  const subtitleLanguages = Object.keys(activity.subtitles || {});
  const preferredSubtitles = state.subtitle_language && subtitleLanguages.includes(state.subtitle_language)
    ? state.subtitle_language
    : subtitleLanguages.includes(lang) ? lang : subtitleLanguages.includes(manifest.default_language) ? manifest.default_language : subtitleLanguages[0];

  const video = h('video', { class: 'capsule', controls: true, crossorigin: 'anonymous', preload: 'metadata',
    playsinline: true, tabindex: '0', 'aria-label': t('video-label', { title }), testid: 'video',
    poster: activity.poster ? url(activity.poster) : null });
  video.append(h('source', { src: url(activity.source.path), type: activity.source.media_type }));
  for (const code of subtitleLanguages) {
    video.append(h('track', { kind: 'subtitles', srclang: code, label: languageName(code), src: url(activity.subtitles[code]),
      default: code === preferredSubtitles, testid: `track-${code}` }));
  }

  // Toolbar: every action of the native controls, as ordinary buttons.
  const playButton = h('button', { type: 'button', class: 'primary', testid: 'video-play' }, t('video-play'));
  const backButton = h('button', { type: 'button', testid: 'video-back' }, t('video-back', { seconds: SEEK_STEP }));
  const forwardButton = h('button', { type: 'button', testid: 'video-forward' }, t('video-forward', { seconds: SEEK_STEP }));
  const time = h('span', { class: 'time', testid: 'video-time' }, `${clock(0)} / ${clock(activity.duration_seconds)}`);
  const speed = h('select', { id: newId('speed'), testid: 'video-speed' },
    SPEEDS.map((s) => h('option', { value: String(s), selected: s === 1 ? true : null },
      `${new Intl.NumberFormat(language()).format(s)}×`)));
  const subtitles = h('select', { id: newId('subtitles'), testid: 'video-subtitles' },
    h('option', { value: '' }, t('subtitles-off')),
    subtitleLanguages.map((code) => h('option', { value: code, selected: code === preferredSubtitles ? true : null }, languageName(code))));
  subtitles.value = preferredSubtitles || '';
  const watched = h('p', { class: 'watched', testid: 'video-watched' });
  const showWatched = (p) => {
    const value = p ? p.watched_percent : state.watched_percent;
    const done = p ? p.completed : state.completed;
    watched.textContent = done ? t('video-completed', { percent: percent(value / 100) })
      : t('video-watched-percent', { percent: percent(value / 100) });
  };
  showWatched(null);

  const toolbar = h('div', { class: 'player-toolbar', role: 'group', 'aria-label': t('video-controls') },
    playButton, backButton, forwardButton, time,
    h('label', { for: speed.id, class: 'compact-label' }, t('video-speed')), speed,
    h('label', { for: subtitles.id, class: 'compact-label' }, t('subtitles')), subtitles);

  const resume = h('div', { class: 'resume-note', role: 'status', testid: 'video-resume' });
  const player = h('div', { class: 'player', testid: 'video-player' }, video, toolbar, resume, watched,
    h('details', { class: 'keys' }, h('summary', { testid: 'video-keys' }, t('video-keys-title')),
      h('ul', {}, ['video-key-play', 'video-key-seek', 'video-key-jump', 'video-key-mute', 'video-key-captions', 'video-key-speed']
        .map((id) => h('li', {}, t(id))))));

  const transcript = h('aside', { class: 'transcript', 'aria-labelledby': 'transcript-title', testid: 'transcript' },
    h('h2', { id: 'transcript-title' }, t('transcript')));
  if (transcriptPage) {
    const body = h('div', { class: 'transcript-body', tabindex: '0', lang: transcriptPage.language, role: 'region', 'aria-labelledby': 'transcript-title',
      testid: 'transcript-body' }, fragmentFromHtml(transcriptPage.html));
    const heading = body.querySelector('h1');
    if (heading) heading.remove();
    handleLinks(body, view, ctx);
    transcript.append(body);
  } else {
    transcript.append(h('p', {}, t('transcript-missing')));
  }

  const root = h('section', { class: 'screen capsule-screen' },
    breadcrumbs(manifest, ctx),
    h('h1', { testid: 'video-title', lang: pickedLanguage(activity.title, lang, manifest.default_language) }, title),
    h('div', { class: 'capsule-layout' }, player, transcript),
    notesPanel(moduleId, activityId, video),
    activityFooter(manifest, activityId, ctx));

  // --- Tracking -----------------------------------------------------------------------
  let segmentStart = null;
  let lastTime = 0;
  let positionTimer = null;
  const currentSubtitles = () => subtitles.value || null;

  const track = async (event) => {
    try {
      const progress = await record(moduleId, { activity: activityId, ...event });
      updateProgress(progress);
      const mine = progress.activities.find((a) => a.id === activityId);
      if (mine) showWatched(mine);
    } catch (err) {
      console.warn('record', event.kind, err.message);
    }
  };
  /** Reports the interval played so far; `continuing` keeps counting from where it ends. */
  const flushSegment = (continuing = false) => {
    if (segmentStart !== null && lastTime - segmentStart >= 0.5) {
      track({ kind: 'video_watched', from: round(segmentStart), to: round(lastTime), subtitle_language: currentSubtitles() });
    }
    segmentStart = continuing ? lastTime : null;
  };
  // The stored position is not reported again (resuming seeks to it).
  let savedPosition = round(state.position || 0);
  const savePosition = () => {
    const position = round(video.currentTime || 0);
    if (position === savedPosition) return null;
    savedPosition = position;
    return track({ kind: 'video_position', position });
  };

  video.addEventListener('playing', () => {
    if (segmentStart === null) {
      segmentStart = video.currentTime;
      lastTime = segmentStart;
    }
    playButton.textContent = t('video-pause');
  });
  video.addEventListener('timeupdate', () => {
    time.textContent = `${clock(video.currentTime)} / ${clock(video.duration || activity.duration_seconds)}`;
    if (video.paused || video.seeking || segmentStart === null) return;
    const now = video.currentTime;
    const delta = now - lastTime;
    if (delta < 0 || delta > 2 * Math.max(1, video.playbackRate)) {
      // A jump we were not told about: close the interval, start a new one here.
      flushSegment();
      segmentStart = now;
    }
    lastTime = now;
    if (lastTime - segmentStart >= PIECE_S) flushSegment(true);
  });
  video.addEventListener('seeking', () => {
    flushSegment();
  });
  video.addEventListener('seeked', () => {
    lastTime = video.currentTime;
    if (!video.paused) segmentStart = video.currentTime;
    clearTimeout(positionTimer);
    positionTimer = setTimeout(savePosition, 1000);
  });
  let leaving = false;
  const stopped = () => {
    if (leaving) return;
    flushSegment();
    playButton.textContent = t('video-play');
    savePosition();
  };
  video.addEventListener('pause', stopped);
  video.addEventListener('ended', () => { if (segmentStart !== null) stopped(); });

  // --- Controls ------------------------------------------------------------------------
  const toggle = () => (video.paused ? video.play().catch(() => {}) : video.pause());
  const seekBy = (delta) => {
    const duration = video.duration || activity.duration_seconds;
    video.currentTime = Math.min(duration, Math.max(0, video.currentTime + delta));
    announce(t('video-at', { time: clock(video.currentTime) }));
  };
  const setSpeed = (value) => {
    video.playbackRate = value;
    speed.value = String(value);
    announce(t('video-speed-now', { speed: new Intl.NumberFormat(language()).format(value) }));
  };
  const showSubtitles = (code) => {
    flushSegment(!video.paused);
    for (const track of video.textTracks) track.mode = track.language === code ? 'showing' : 'disabled';
    subtitles.value = code || '';
  };
  playButton.addEventListener('click', toggle);
  backButton.addEventListener('click', () => seekBy(-SEEK_STEP));
  forwardButton.addEventListener('click', () => seekBy(SEEK_STEP));
  speed.addEventListener('change', () => setSpeed(Number(speed.value)));
  subtitles.addEventListener('change', () => showSubtitles(subtitles.value));

  player.addEventListener('keydown', (e) => {
    const tag = e.target.tagName;
    if (tag === 'SELECT' || tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SUMMARY') return;
    if ((tag === 'BUTTON') && (e.key === ' ' || e.key === 'Enter')) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const duration = video.duration || activity.duration_seconds;
    const handled = {
      ' ': toggle, k: toggle, K: toggle,
      ArrowLeft: () => seekBy(-SEEK_STEP), ArrowRight: () => seekBy(SEEK_STEP),
      j: () => seekBy(-10), l: () => seekBy(10),
      Home: () => { video.currentTime = 0; }, End: () => { video.currentTime = Math.max(0, duration - 0.5); },
      m: () => { video.muted = !video.muted; announce(video.muted ? t('video-muted') : t('video-unmuted')); },
      c: () => showSubtitles(subtitles.value ? '' : (preferredSubtitles || '')),
      '<': () => setSpeed(SPEEDS[Math.max(0, SPEEDS.indexOf(video.playbackRate) - 1)] ?? 1),
      '>': () => setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(video.playbackRate) + 1)] ?? 1),
    }[e.key];
    if (!handled) return;
    e.preventDefault();
    e.stopPropagation();
    handled();
  });

  // Resume where the learner left off.
  const duration = activity.duration_seconds;
  const saved = state.position > 2 && state.position < duration - 2 ? state.position : 0;
  const resumeAt = Number.isFinite(cueAt) && cueAt >= 0 && cueAt < duration ? cueAt : saved;
  video.addEventListener('loadedmetadata', () => {
    showSubtitles(subtitles.value);
    if (resumeAt) {
      video.currentTime = resumeAt;
      lastTime = resumeAt;
      const said = resumeAt === cueAt ? t('video-at-found', { time: clock(resumeAt) }) : t('video-resuming', { time: clock(resumeAt) });
      resume.replaceChildren(h('span', {}, said), ' ',
        h('button', { type: 'button', class: 'link-button', testid: 'video-restart', onclick: () => {
          video.currentTime = 0;
          resume.replaceChildren(h('span', {}, t('video-from-start')));
        } }, t('video-start-over')));
    }
  }, { once: true });
  video.addEventListener('error', () => {
    resume.replaceChildren(h('span', { class: 'error' }, t('video-error')));
  });

  // WebKit's GStreamer player can stop moving while it still says it plays: the UI tests saw
  // a capsule freeze at 89.8 s of 99 at double speed, everything buffered, in about one run in
  // three. A learner would be stuck short of the end. So the player watches the time, and a
  // tiny seek where it stands restarts it (the interval watched is not broken by it: gaps
  // under 0.25 s are merged). `data-restarts` counts the restarts; the UI tests print it.
  let stall = { at: -1, since: 0 };
  const watchdog = setInterval(() => {
    if (video.paused || video.ended || video.seeking) {
      stall = { at: -1, since: 0 };
      return;
    }
    const now = performance.now();
    if (video.currentTime !== stall.at) {
      stall = { at: video.currentTime, since: now };
    } else if (now - stall.since > STALL_MS) {
      console.warn('video: stalled at', video.currentTime, '- restarting it');
      video.dataset.restarts = String(Number(video.dataset.restarts || 0) + 1);
      stall.since = now;
      video.currentTime = Math.min(video.currentTime + 0.05, video.duration || activity.duration_seconds);
    }
  }, 500);

  const cleanup = async () => {
    leaving = true;
    clearTimeout(positionTimer);
    clearInterval(watchdog);
    if (!video.paused) flushSegment();
    await savePosition();
    video.pause();
    video.removeAttribute('src');
    for (const source of video.querySelectorAll('source')) source.remove();
    video.load();
  };
  const afterShow = () => {
    const body = transcript.querySelector('[data-testid=transcript-body]');
    if (place && cueAt === null && body) showPassage(body, place);
  };
  return { node: root, cleanup, afterShow };
}

function round(seconds) {
  return Math.round(seconds * 100) / 100;
}
