// The quiz player: one question at a time, every question type, feedback after each answer
// or at the end as the quiz says, the result with pass/fail and attempts left, and retries
// within the quiz's rules. An interrupted attempt resumes where it stopped.

import { call } from '../lib/api.js';
import { h, announce, newId, clear, focusHeading } from '../lib/dom.js';
import { t, pick, pickedLanguage, percent } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { loadModule, activityProgress } from '../lib/moduleCache.js';
import { activityFooter, breadcrumbs } from './parts.js';
import { contentLanguageOf } from '../lib/module.js';

export async function render(ctx, moduleId, activityId) {
  const view = await loadModule(moduleId, { fresh: true });
  const { manifest } = view;
  const quiz = manifest.activities.find((a) => a.id === activityId && a.kind === 'quiz');
  if (!quiz) throw new Error(t('error-no-activity'));
  const lang = contentLanguageOf(manifest, ctx);
  const title = pick(quiz.title, lang, manifest.default_language);
  const questionCount = quiz.question_count;

  const stage = h('div', { class: 'quiz-stage', testid: 'quiz-stage' });
  const root = h('section', { class: 'screen narrow quiz-screen' },
    breadcrumbs(manifest, ctx),
    h('h1', { testid: 'quiz-title', lang: pickedLanguage(quiz.title, lang, manifest.default_language) }, title),
    stage,
    activityFooter(manifest, activityId, ctx));

  const player = new QuizPlayer({ ctx, moduleId, activityId, quiz, stage, questionCount, assetBase: view.asset_base });
  player.intro(activityProgress(view, activityId));
  return { node: root };
}

class QuizPlayer {
  constructor(options) {
    Object.assign(this, options);
    this.attempt = null;
  }

  /** Moves focus to the stage's new heading, as a new screen would. */
  focus(selector = 'h2') {
    focusHeading(this.stage, selector);
  }

  intro(progress) {
    const quiz = this.quiz;
    const p = progress || { attempts: 0, passed: false, in_progress: false, attempts_left: quiz.max_attempts ?? null };
    const noneLeft = p.attempts_left === 0 && !p.in_progress;
    const facts = h('ul', { class: 'facts-list', testid: 'quiz-facts' },
      h('li', {}, t('quiz-question-count', { count: this.questionCount })),
      h('li', {}, t('quiz-pass-mark', { percent: quiz.pass_mark_percent })),
      h('li', {}, quiz.max_attempts ? t('quiz-max-attempts', { count: quiz.max_attempts }) : t('quiz-unlimited')),
      h('li', {}, quiz.feedback === 'immediate' ? t('quiz-feedback-immediate') : t('quiz-feedback-end')));
    const status = [];
    if (p.attempts > 0) {
      status.push(h('p', { testid: 'quiz-status', class: `notice ${p.passed ? 'success' : ''}` },
        p.passed ? t('quiz-status-passed', { score: percent(p.best_scaled ?? 0) })
          : t('quiz-status-not-passed', { count: p.attempts, score: percent(p.best_scaled ?? 0) })));
    }
    if (p.attempts_left !== null && p.attempts_left !== undefined && !noneLeft) {
      status.push(h('p', { testid: 'quiz-attempts-left' }, t('quiz-attempts-left', { count: p.attempts_left })));
    }
    let label = t('quiz-start');
    if (p.in_progress) label = t('quiz-continue');
    else if (p.attempts > 0) label = t('quiz-retry');
    clear(this.stage).append(h('div', { class: 'card' },
      h('h2', {}, t('quiz-before-you-start')),
      facts,
      status,
      noneLeft
        ? h('p', { class: 'notice', testid: 'quiz-no-attempts' }, t('quiz-no-attempts-left'))
        : h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'primary', testid: 'quiz-start', onclick: () => this.start() }, label))));
  }

  async start() {
    try {
      this.attempt = await call('quiz', { module: this.moduleId, activity: this.activityId, attempt: null });
    } catch (err) {
      announce(explain(err), true);
      this.stage.prepend(h('p', { class: 'notice error', role: 'alert' }, explain(err)));
      return;
    }
    this.next();
  }

  /** Shows the first unanswered question, or the submit step. */
  next() {
    const attempt = this.attempt;
    if (attempt.total) return this.result();
    const index = attempt.questions.findIndex((q) => !q.answer);
    if (index < 0) return this.submitStep();
    this.question(index);
  }

  question(index) {
    const q = this.attempt.questions[index];
    const total = this.attempt.questions.length;
    const headingId = newId('question');
    const form = h('form', { class: 'card question', testid: 'question', 'data-question': q.id, 'data-kind': q.kind,
      novalidate: true, 'aria-labelledby': headingId });
    const error = h('p', { class: 'field-error', role: 'alert', testid: 'question-error', hidden: true });
    const input = answerInput(q, headingId);
    form.append(...[
      h('p', { class: 'question-count', testid: 'question-number' }, t('question-of', { n: index + 1, total })),
      h('progress', { max: String(total), value: String(index), 'aria-label': t('quiz-progress') }),
      h('h2', { id: headingId, class: 'prompt', testid: 'question-prompt', lang: q.language }, q.prompt),
      q.image ? h('img', { src: `${this.assetBase}/${q.image}`, alt: t('question-image'), class: 'question-image' }) : null,
      q.kind === 'true_false' ? input.node : h('div', { lang: q.language }, input.node),
      error,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'primary', testid: 'quiz-answer' }, t('quiz-confirm'))),
    ].filter(Boolean));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const response = input.value();
      if (!response) {
        error.textContent = input.missing;
        error.hidden = false;
        input.focusFirst();
        return;
      }
      error.hidden = true;
      try {
        this.attempt = await call('answer', { module: this.moduleId, activity: this.activityId,
          attempt: this.attempt.attempt_id, question: q.id, response });
      } catch (err) {
        error.textContent = explain(err);
        error.hidden = false;
        return;
      }
      const answered = this.attempt.questions.find((x) => x.id === q.id);
      if (this.attempt.feedback === 'immediate' && answered.answer && answered.answer.scored) {
        this.feedback(index);
      } else {
        announce(t('quiz-answer-saved'));
        this.next();
        this.focus();
      }
    });
    clear(this.stage).append(form);
    this.focus();
  }

  feedback(index) {
    const q = this.attempt.questions[index];
    const total = this.attempt.questions.length;
    const { scored } = q.answer;
    const verdict = scored.correct ? t('feedback-correct') : scored.score > 0 ? t('feedback-partly') : t('feedback-incorrect');
    const text = q.feedback ? (scored.correct ? q.feedback.correct : q.feedback.incorrect) : '';
    const last = index === total - 1;
    const card = h('div', { class: 'card question answered', testid: 'question-feedback', 'data-question': q.id },
      h('p', { class: 'question-count' }, t('question-of', { n: index + 1, total })),
      h('h2', { class: 'prompt', testid: 'question-prompt', lang: q.language }, q.prompt),
      h('div', { class: 'your-answer' }, h('h3', {}, t('your-answer')), h('div', { lang: q.language }, responseText(q))),
      h('div', { class: `feedback ${scored.correct ? 'correct' : 'incorrect'}`, testid: 'feedback',
        'data-correct': String(scored.correct) },
        h('p', { class: 'verdict' }, h('span', { 'aria-hidden': 'true' }, scored.correct ? '✓ ' : '✗ '), verdict,
          ' ', h('span', { class: 'points' }, t('points', { score: scored.score, max: scored.max }))),
        text ? h('p', { lang: q.feedback.language }, text) : null),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', testid: last ? 'quiz-to-submit' : 'quiz-next',
          onclick: () => { this.next(); } }, last ? t('quiz-finish') : t('quiz-next'))));
    clear(this.stage).append(card);
    announce(`${verdict} ${text}`);
    card.querySelector('button').focus();
  }

  submitStep() {
    clear(this.stage).append(h('div', { class: 'card', testid: 'quiz-submit-step' },
      h('h2', {}, t('quiz-all-answered')),
      h('p', {}, t('quiz-submit-text')),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', testid: 'quiz-submit', onclick: () => this.submit() },
          t('quiz-submit')))));
    this.focus();
  }

  async submit() {
    try {
      this.attempt = await call('submit_quiz', { module: this.moduleId, activity: this.activityId, attempt: this.attempt.attempt_id });
    } catch (err) {
      announce(explain(err), true);
      return;
    }
    this.result();
  }

  result() {
    const a = this.attempt;
    const { total } = a;
    const canRetry = a.attempts_left === null || a.attempts_left === undefined || a.attempts_left > 0;
    const summary = h('div', { class: `card result ${total.passed ? 'passed' : 'failed'}`, testid: 'quiz-result',
      'data-passed': String(total.passed) },
      h('h2', {}, total.passed ? t('quiz-passed') : t('quiz-failed')),
      h('p', { class: 'big-score', testid: 'quiz-score' }, percent(total.scaled)),
      h('p', {}, t('quiz-score-detail', { score: round(total.score), max: round(total.max), mark: a.pass_mark_percent })),
      h('p', { testid: 'quiz-result-attempts' }, a.attempts_left === null || a.attempts_left === undefined
        ? t('quiz-attempt-number', { n: a.attempt_number })
        : t('quiz-attempts-left', { count: a.attempts_left })),
      h('div', { class: 'actions' },
        canRetry ? h('button', { type: 'button', class: total.passed ? '' : 'primary', testid: 'quiz-retry',
          onclick: () => this.start() }, t('quiz-retry')) : null));
    const review = h('ol', { class: 'review', testid: 'quiz-review' }, a.questions.map((q) => {
      const scored = q.answer && q.answer.scored;
      const correct = scored && scored.correct;
      return h('li', { class: `review-item ${correct ? 'correct' : 'incorrect'}`, 'data-question': q.id },
        h('h3', { lang: q.language }, q.prompt),
        q.answer ? h('div', {}, h('p', { class: 'label' }, t('your-answer')), h('div', { lang: q.language }, responseText(q)))
          : h('p', {}, t('not-answered')),
        scored ? h('p', { class: 'verdict' }, h('span', { 'aria-hidden': 'true' }, correct ? '✓ ' : '✗ '),
          correct ? t('feedback-correct') : scored.score > 0 ? t('feedback-partly') : t('feedback-incorrect'), ' ',
          t('points', { score: round(scored.score), max: round(scored.max) })) : null,
        q.feedback ? h('p', { class: 'feedback-text', lang: q.feedback.language }, correct ? q.feedback.correct : q.feedback.incorrect) : null);
    }));
    clear(this.stage).append(summary, h('section', { 'aria-labelledby': 'review-title' },
      h('h2', { id: 'review-title' }, t('quiz-review')), review));
    announce(total.passed ? t('quiz-passed') : t('quiz-failed'));
    this.focus();
  }
}

function round(x) {
  return Math.round(x * 100) / 100;
}

/** The input for a question: its node, how to read its value, and what to say when empty. */
function answerInput(q, headingId) {
  const name = newId('answer');
  switch (q.kind) {
    case 'single_choice':
    case 'true_false': {
      const options = q.kind === 'true_false'
        ? [{ id: 'true', text: t('true') }, { id: 'false', text: t('false') }]
        : q.options;
      const fieldset = h('fieldset', { class: 'choices', 'aria-labelledby': headingId, role: 'radiogroup' },
        options.map((o) => {
          const id = newId('choice');
          return h('div', { class: 'choice' },
            h('input', { type: 'radio', name, id, value: o.id, testid: `option-${o.id}` }),
            h('label', { for: id, lang: o.language }, o.text));
        }));
      const checked = () => fieldset.querySelector('input:checked');
      return {
        node: fieldset,
        missing: t('quiz-choose-one'),
        focusFirst: () => fieldset.querySelector('input').focus(),
        value: () => {
          const c = checked();
          if (!c) return null;
          return q.kind === 'true_false' ? { type: 'true_false', value: c.value === 'true' } : { type: 'single_choice', value: c.value };
        },
      };
    }
    case 'multiple_choice': {
      const hintId = newId('hint');
      const fieldset = h('fieldset', { class: 'choices', 'aria-labelledby': headingId, 'aria-describedby': hintId },
        h('p', { class: 'hint', id: hintId }, t('quiz-choose-all')),
        q.options.map((o) => {
          const id = newId('choice');
          return h('div', { class: 'choice' },
            h('input', { type: 'checkbox', name, id, value: o.id, testid: `option-${o.id}` }),
            h('label', { for: id, lang: o.language }, o.text));
        }));
      return {
        node: fieldset,
        missing: t('quiz-choose-some'),
        focusFirst: () => fieldset.querySelector('input').focus(),
        value: () => {
          const values = [...fieldset.querySelectorAll('input:checked')].map((i) => i.value);
          return values.length ? { type: 'multiple_choice', value: values } : null;
        },
      };
    }
    case 'ordering':
      return orderingInput(q, headingId);
    case 'matching': {
      const hintId = newId('hint');
      const fieldset = h('fieldset', { class: 'matching', 'aria-labelledby': headingId, 'aria-describedby': hintId },
        h('p', { class: 'hint', id: hintId }, t('quiz-match-hint')),
        q.left.map((left) => {
          const id = newId('match');
          return h('div', { class: 'match-row' },
            h('label', { for: id, lang: left.language }, left.text),
            h('select', { id, 'data-left': left.id, testid: `match-${left.id}` },
              h('option', { value: '' }, t('quiz-match-choose')),
              q.options.map((o) => h('option', { value: o.id, lang: o.language }, o.text))));
        }));
      const selects = () => [...fieldset.querySelectorAll('select')];
      return {
        node: fieldset,
        missing: t('quiz-match-missing'),
        focusFirst: () => (selects().find((s) => !s.value) || selects()[0]).focus(),
        value: () => {
          if (selects().some((s) => !s.value)) return null;
          return { type: 'matching', value: Object.fromEntries(selects().map((s) => [s.dataset.left, s.value])) };
        },
      };
    }
    case 'short_text':
    default: {
      const id = newId('text');
      const input = h('input', { type: 'text', id, autocomplete: 'off', spellcheck: 'false', testid: 'short-text',
        'aria-labelledby': headingId });
      return {
        node: h('div', { class: 'field' }, h('label', { for: id, class: 'visually-hidden' }, t('your-answer')), input),
        missing: t('quiz-type-answer'),
        focusFirst: () => input.focus(),
        value: () => (input.value.trim() ? { type: 'short_text', value: input.value.trim() } : null),
      };
    }
  }
}

/** Items to put in order, each with "move up" and "move down" buttons (keyboard-friendly). */
function orderingInput(q, headingId) {
  const hintId = newId('hint');
  const list = h('ol', { class: 'ordering', 'aria-labelledby': headingId, 'aria-describedby': hintId, testid: 'ordering-list' });
  let items = q.options.slice();
  const draw = (focus) => {
    clear(list);
    items.forEach((item, i) => {
      const up = h('button', { type: 'button', class: 'quiet small', testid: `move-up-${item.id}`,
        'aria-label': t('move-up', { item: item.text }), 'aria-disabled': String(i === 0),
        onclick: () => move(i, -1, 'up') }, '↑');
      const down = h('button', { type: 'button', class: 'quiet small', testid: `move-down-${item.id}`,
        'aria-label': t('move-down', { item: item.text }), 'aria-disabled': String(i === items.length - 1),
        onclick: () => move(i, 1, 'down') }, '↓');
      list.append(h('li', { class: 'order-item', 'data-item': item.id, testid: `order-item-${item.id}` },
        h('span', { class: 'order-pos', 'aria-hidden': 'true' }, String(i + 1)),
        h('span', { class: 'order-text', lang: item.language }, item.text),
        h('span', { class: 'order-buttons' }, up, down)));
    });
    if (focus) {
      const button = list.querySelector(`[data-testid="move-${focus.dir}-${focus.id}"]`);
      const target = button && button.getAttribute('aria-disabled') === 'true'
        ? list.querySelector(`[data-testid="move-${focus.dir === 'up' ? 'down' : 'up'}-${focus.id}"]`) : button;
      if (target) target.focus();
    }
  };
  const move = (i, delta, dir) => {
    const j = i + delta;
    if (j < 0 || j >= items.length) return;
    const item = items[i];
    [items[i], items[j]] = [items[j], items[i]];
    draw({ id: item.id, dir });
    announce(t('moved-to', { item: item.text, position: j + 1, total: items.length }));
  };
  draw(null);
  return {
    node: h('div', { class: 'ordering-wrap' }, h('p', { class: 'hint', id: hintId }, t('quiz-order-hint')), list),
    missing: '',
    focusFirst: () => list.querySelector('button').focus(),
    value: () => ({ type: 'ordering', value: items.map((i) => i.id) }),
  };
}

/** What the learner answered, in words. */
function responseText(q) {
  const { response } = q.answer;
  const byId = (id) => (q.options.find((o) => o.id === id) || { text: id }).text;
  switch (response.type) {
    case 'single_choice': return h('p', { class: 'answer-text' }, byId(response.value));
    case 'multiple_choice': return h('ul', { class: 'answer-text' }, response.value.map((id) => h('li', {}, byId(id))));
    case 'true_false': return h('p', { class: 'answer-text' }, response.value ? t('true') : t('false'));
    case 'ordering': return h('ol', { class: 'answer-text' }, response.value.map((id) => h('li', {}, byId(id))));
    case 'matching': return h('ul', { class: 'answer-text' }, q.left.map((left) =>
      h('li', {}, `${left.text} → ${byId(response.value[left.id])}`)));
    case 'short_text': return h('p', { class: 'answer-text' }, t('quoted', { text: response.value }));
    default: return h('p', {}, JSON.stringify(response.value));
  }
}
