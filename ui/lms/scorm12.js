// The SCORM 1.2 run-time: finds the LMS's `API` object, reads where the learner was, and
// reports what the core's rules computed (backend.js hands over each answer): status, score,
// each answer as an interaction, the state to resume from, and the session's time at the end.

const MAX_SEARCH = 10;

/** The LMS's API: in this window, a parent frame, or the window that opened it. */
export function findApi(win = window) {
  for (let w = win, depth = 0; w && depth < MAX_SEARCH; depth += 1) {
    try {
      if (w.API && typeof w.API.LMSInitialize === 'function') return w.API;
    } catch {
      // A frame of another origin: its API is not ours to use.
    }
    if (w.parent && w.parent !== w) w = w.parent;
    else if (w.opener && w.opener !== w) w = w.opener;
    else break;
  }
  return null;
}

/** Opens the SCORM session; the backend's `lms`. */
export function connect(api) {
  if (api.LMSInitialize('') !== 'true') throw new Error(`the LMS refused to start the session (${lastError(api)})`);
  const started = Date.now();
  const get = (element) => String(api.LMSGetValue(element) ?? '');
  const set = (element, value) => {
    if (api.LMSSetValue(element, String(value)) !== 'true') {
      console.warn(`SCORM: ${element} = ${value} refused (${lastError(api)})`);
    }
  };
  const saved = get('cmi.suspend_data');
  const language = get('cmi.student_preference.language') || navigator.language || 'en';
  let status = get('cmi.core.lesson_status');
  if (status === '' || status === 'not attempted') {
    status = 'incomplete';
    set('cmi.core.lesson_status', status);
  }
  let location = get('cmi.core.lesson_location');
  let finished = false;

  return {
    kind: 'scorm12',
    data: () => saved,
    language: () => language,
    /** The activity the learner was last in, to go on from there. */
    location: () => location,
    learnerName: () => get('cmi.core.student_name'),
    keep(answer) {
      if (finished) return;
      set('cmi.suspend_data', answer.data);
      const last = answer.progress.last_activity_id || '';
      if (last !== location) set('cmi.core.lesson_location', (location = last));
      const { lesson_status: now, score } = answer.report;
      if (score !== null && score !== undefined) {
        set('cmi.core.score.min', 0);
        set('cmi.core.score.max', 100);
        set('cmi.core.score.raw', score);
      }
      if (now !== status) set('cmi.core.lesson_status', (status = now));
      if (answer.interaction) interaction(answer.interaction);
      api.LMSCommit('');
    },
    finish() {
      if (finished) return;
      finished = true;
      set('cmi.core.session_time', timespan((Date.now() - started) / 1000));
      set('cmi.core.exit', status === 'incomplete' ? 'suspend' : '');
      api.LMSCommit('');
      api.LMSFinish('');
    },
  };

  function interaction(it) {
    const n = Number(get('cmi.interactions._count')) || 0;
    const at = `cmi.interactions.${n}`;
    set(`${at}.id`, it.id);
    set(`${at}.type`, it.type);
    set(`${at}.time`, clock(new Date()));
    set(`${at}.weighting`, it.weighting);
    set(`${at}.student_response`, it.student_response);
    set(`${at}.correct_responses.0.pattern`, it.correct_response);
    set(`${at}.result`, it.result);
  }
}

function lastError(api) {
  const code = api.LMSGetLastError();
  return `${code}: ${api.LMSGetErrorString(code)}`;
}

/** SCORM 1.2's CMITimespan, HHHH:MM:SS.SS. */
export function timespan(seconds) {
  const hundredths = Math.min(9999 * 360000 + 359999, Math.round(Math.max(0, seconds) * 100));
  const hours = Math.floor(hundredths / 360000);
  const minutes = Math.floor((hundredths % 360000) / 6000);
  const rest = ((hundredths % 6000) / 100).toFixed(2).padStart(5, '0');
  return `${String(hours).padStart(4, '0')}:${String(minutes).padStart(2, '0')}:${rest}`;
}

/** SCORM 1.2's CMITime, HH:MM:SS. */
function clock(date) {
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}

/** No LMS around (a trainer opening the package to look at it): nothing is kept. */
export function preview() {
  return {
    kind: 'preview',
    data: () => '',
    language: () => navigator.language || 'en',
    location: () => '',
    learnerName: () => '',
    keep() {},
    finish() {},
  };
}
