// The cmi5 run-time: the AU's side of cmi5 (launched with `endpoint`, `fetch`, `actor`,
// `registration` and `activityId` in its URL). It fetches its auth token, reads LMS.LaunchData
// and the learner's preferences, keeps the learner's state in the State API, and sends the
// cmi5-defined statements (initialized, completed, passed or failed, terminated) with the
// context template, plus, as "allowed" statements, what the desktop app would send of the
// same work: the core's session tells it (`change.happened`), this file only addresses it.

const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
const SESSION_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const STATE_ID = 'https://dlis-learn.eu/xapi/state/progress';
const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
};

/** The launch parameters, when the page was launched by a cmi5 LMS. */
export function launchParameters(search = location.search) {
  const params = new URLSearchParams(search);
  const names = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];
  if (!names.every((n) => params.get(n))) return null;
  return Object.fromEntries(names.map((n) => [n, params.get(n)]));
}

/** Opens the cmi5 session; the backend's `lms`. */
export async function connect(launch) {
  const endpoint = launch.endpoint.endsWith('/') ? launch.endpoint : `${launch.endpoint}/`;
  const actor = JSON.parse(launch.actor);
  const token = await fetchToken(launch.fetch);
  const headers = { Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3' };
  const started = Date.now();
  const query = (more) => new URLSearchParams({ activityId: launch.activityId, agent: JSON.stringify(actor),
    registration: launch.registration, ...more }).toString();

  const launchData = await getJson(`${endpoint}activities/state?${query({ stateId: 'LMS.LaunchData' })}`, headers);
  if (!launchData || !launchData.contextTemplate) throw new Error('the LMS gave no LMS.LaunchData');
  // The LMS names the session in the context template (cmi5 §10.2.1).
  const sessionId = (launchData.contextTemplate.extensions || {})[SESSION_EXTENSION] || crypto.randomUUID();
  const preferences = await getJson(`${endpoint}agents/profile?${new URLSearchParams({
    profileId: 'cmi5LearnerPreferences', agent: JSON.stringify(actor) })}`, headers);
  const saved = (await getJson(`${endpoint}activities/state?${query({ stateId: STATE_ID })}`, headers)) || {};
  const language = ((preferences && preferences.languagePreference) || '').split(',')[0].trim()
    || navigator.language || 'en';
  // Statements that count (completed, passed, failed) only in Normal mode (cmi5 §10.2.2).
  const normal = (launchData.launchMode || 'Normal') === 'Normal';
  let last = 0;
  const timestamp = () => {
    // Strictly increasing, so that the LRS orders them as they happened.
    last = Math.max(Date.now(), last + 1);
    return new Date(last).toISOString();
  };
  const seconds = () => (Date.now() - started) / 1000;
  const context = (categories) => {
    const template = JSON.parse(JSON.stringify(launchData.contextTemplate));
    const activities = template.contextActivities || {};
    if (categories.length) activities.category = [...(activities.category || []), ...categories.map((id) => ({ id }))];
    return { ...template, contextActivities: activities, registration: launch.registration,
      extensions: { ...(template.extensions || {}), [SESSION_EXTENSION]: sessionId } };
  };
  const statement = (verb, object, result, categories = []) => ({
    id: crypto.randomUUID(), timestamp: timestamp(), actor,
    verb: { id: verb, display: { 'en-US': verb.split('/').pop() } },
    object, ...(result ? { result } : {}), context: context(categories),
  });
  const au = { objectType: 'Activity', id: launch.activityId };
  const defined = (verb, result, moveOn) => statement(VERBS[verb], au, result,
    moveOn ? [CMI5_CATEGORY, MOVEON_CATEGORY] : [CMI5_CATEGORY]);

  // Sent in order, one request after the other; what the page's leaving cuts short goes with
  // `keepalive` in the last request.
  let pending = [];
  let sending = Promise.resolve();
  const flush = (keepalive = false) => {
    const batch = pending;
    pending = [];
    if (!batch.length) return sending;
    const send = () => fetch(`${endpoint}statements`, { method: 'POST', keepalive,
      headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(batch) })
      .then((r) => { if (!r.ok) console.warn(`cmi5: the LRS answered ${r.status} to ${batch.length} statements`); });
    sending = keepalive ? (send(), sending) : sending.then(send, send);
    return sending;
  };
  const putState = (body, keepalive = false) => fetch(`${endpoint}activities/state?${query({ stateId: STATE_ID })}`, {
    method: 'PUT', keepalive, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  pending.push(defined('initialized'));
  await flush();
  let completedSent = false;
  let judged = false;
  let finished = false;
  let location = saved.location || '';
  let lastState = null;

  return {
    kind: 'cmi5',
    data: () => saved.suspend_data || '',
    language: () => language,
    location: () => location,
    keep(answer) {
      if (finished) return;
      location = answer.progress.last_activity_id || '';
      const state = { suspend_data: answer.data, location };
      lastState = state;
      // Only the latest state is worth sending once its turn comes; after `finish`, which
      // sent it already, a queued one would put an older state back.
      sending = sending.then(() => (finished || lastState !== state ? undefined : putState(state)));
      for (const happened of answer.change.happened) {
        pending.push(statement(happened.verb, happened.object, happened.result));
      }
      const { report } = answer;
      if (normal && answer.change.module_completed && !completedSent) {
        completedSent = true;
        pending.push(defined('completed', { completion: true, duration: duration(seconds()) }, true));
      }
      const score = report.score === null || report.score === undefined ? null
        : { scaled: report.score / 100, raw: report.score, min: 0, max: 100 };
      // Passed once the quiz is passed (the assessment's judgement), failed once no attempt is left.
      if (normal && !judged && answer.total && answer.total.passed && score) {
        judged = true;
        pending.push(defined('passed', { success: true, score, duration: duration(seconds()) }, true));
      } else if (normal && !judged && report.lesson_status === 'failed' && score) {
        judged = true;
        pending.push(defined('failed', { success: false, score, duration: duration(seconds()) }, true));
      }
      flush();
    },
    finish() {
      if (finished) return;
      finished = true;
      // The last state goes out now, before `terminated`: the queued PUT may wait behind
      // statements still on their way, and a relaunch must find where the learner was.
      if (lastState) putState(lastState, true);
      pending.push(defined('terminated', { duration: duration(seconds()) }));
      flush(true);
    },
  };
}

async function fetchToken(url) {
  const response = await fetch(url, { method: 'POST' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || !body['auth-token']) {
    throw new Error(`the LMS gave no auth token (${body['error-text'] || response.status})`);
  }
  return body['auth-token'];
}

async function getJson(url, headers) {
  const response = await fetch(url, { headers });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`the LMS answered ${response.status} to ${url.split('?')[0]}`);
  return response.json();
}

/** An ISO 8601 duration, to a hundredth of a second. */
export function duration(seconds) {
  const centis = Math.round(Math.max(0, seconds) * 100);
  return `PT${Math.floor(centis / 100)}.${String(centis % 100).padStart(2, '0')}S`;
}
