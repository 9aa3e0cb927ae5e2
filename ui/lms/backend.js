// The app's commands (src-tauri/src/commands), answered inside the LMS: the screens call the
// same names with the same arguments and get the same shapes back. What a learner does goes
// through the core's rules (player/rules in WebAssembly) as one `session` request; the state
// it returns is handed to the LMS runtime (scorm12.js), which keeps it.

import { ApiError } from '../lib/api.js';

/** Where the package keeps the module's files. */
export const CONTENT = 'content';

/**
 * `ask`: the rules (rules.js); `module`: module.json's text; `lms`: the runtime, which gives
 * the learner's saved state and language and keeps what changes.
 */
export function createBackend({ ask, moduleText, lms }) {
  const loaded = answerOf(ask(`{"op":"load","module":${moduleText}}`));
  const manifest = JSON.parse(moduleText);
  let data = lms.data();
  let notice = null;

  function session(action) {
    const request = { op: 'session', data, language: learnerLanguage(lms.language()), today: today(), action };
    const answer = answerOf(ask(JSON.stringify(request)));
    if (answer.reset) notice = 'lms-progress-reset';
    data = answer.data;
    lms.keep(answer);
    return answer.reply;
  }

  async function page(activity, language, pick) {
    const offered = [...manifest.languages, ...(manifest.partial_languages || [])];
    const lang = offered.includes(language) ? language : manifest.default_language;
    const response = await fetch(`${CONTENT}/pages/${encodeURIComponent(activity)}.${pick}.${lang}.json`);
    if (!response.ok) throw new ApiError(`${loaded.id} has no ${pick} ${JSON.stringify(activity)}`);
    return response.json();
  }

  const commands = {
    module: () => ({ ...session({ do: 'module' }), asset_base: CONTENT }),
    choose_content_language: ({ language }) => session({ do: 'choose_content_language', language }),
    lesson: ({ activity, language }) => page(activity, language, 'lesson'),
    transcript: ({ activity, language }) => page(activity, language, 'transcript'),
    record: ({ event }) => session({ do: 'record', event }),
    video_state: ({ activity }) => session({ do: 'video_state', activity }),
    quiz: ({ activity }) => session({ do: 'quiz', activity, seed: seed() }),
    answer: ({ activity, question, response }) => session({ do: 'answer', activity, question, response }),
    submit_quiz: ({ activity }) => session({ do: 'submit_quiz', activity }),
    screen_shown: () => null,
  };

  return {
    module: loaded,
    /** A notice for the learner once (their saved progress was from another version). */
    takeNotice() {
      const taken = notice;
      notice = null;
      return taken;
    },
    async call(command, args = {}) {
      const run = commands[command];
      if (!run) throw new ApiError(`${command} is not available in an LMS`);
      return run(args);
    },
  };
}

/**
 * The learner's language as a language tag: what the LMS or the browser gives may be a
 * system locale such as `C` or `fr_BE.UTF-8`, which is read as English or `fr-BE`.
 */
export function learnerLanguage(given) {
  const tag = String(given || '').split('.')[0].replace('_', '-');
  return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) ? tag : 'en';
}

function answerOf(text) {
  const answer = JSON.parse(text);
  if (answer.error !== undefined) throw new ApiError(answer.error, answer.kind || null);
  return answer.ok;
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A quiz layout's seed: random, below 2^53 so that it stays whole in JavaScript. */
function seed() {
  const words = crypto.getRandomValues(new Uint32Array(2));
  return (words[0] & 0x1fffff) * 2 ** 32 + words[1];
}
