// The trainer PIN: what a learner must not change (where records go, which modules are
// installed) asks for it. The app decides (`trainer_only` in commands.rs); the page only asks
// for the PIN when a command answers `trainer-only`, then tries once more.

import { call, ApiError } from './api.js';
import { h, modal } from './dom.js';
import { t } from './i18n.js';
import { explain } from './errors.js';
import { field, pinInput, pinProblem } from './forms.js';

/** Runs `action`; if it needs the trainer PIN, asks for it (or has it set) and runs it again. */
export async function asTrainer(action) {
  try {
    return await action();
  } catch (err) {
    if (!err || err.kind !== 'trainer-only') throw err;
  }
  if (!(await askTrainerPin())) throw new ApiError(t('error-trainer-only'), 'trainer-only');
  return action();
}

/** Asks for the trainer PIN, or to choose one if none is set; true once the app accepts it. */
export async function askTrainerPin() {
  const { pin_set: pinSet } = await call('trainer_state');
  let problem = null;
  for (;;) {
    const entered = pinSet ? await enterDialog(problem) : await chooseDialog(problem);
    if (!entered) return false;
    try {
      if (pinSet) await call('unlock_trainer', { pin: entered });
      else await call('set_trainer_pin', { current: null, pin: entered });
      return true;
    } catch (err) {
      problem = explain(err);
    }
  }
}

/** Changes the trainer PIN: the current one, then the new one twice. True once changed. */
export async function changeTrainerPin() {
  let problem = null;
  for (;;) {
    const current = pinInput();
    const fresh = pinInput();
    const again = pinInput();
    const body = form(problem,
      field(t('trainer-pin-current'), current, { testid: 'trainer-pin-current' }),
      field(t('trainer-pin-new'), fresh, { testid: 'trainer-pin-input', hint: t('trainer-pin-hint') }),
      field(t('pin-confirm'), again, { testid: 'trainer-pin-confirm' }));
    const answer = await modal({ title: t('trainer-change-title'), body, testid: 'trainer-pin-dialog',
      initialFocus: 'input', actions: okCancel(t('trainer-pin-change')) });
    if (answer !== 'ok') return false;
    problem = pinProblem(fresh.value, again.value) || (fresh.value ? null : t('error-bad-pin'));
    if (problem) continue;
    try {
      await call('set_trainer_pin', { current: current.value, pin: fresh.value });
      return true;
    } catch (err) {
      problem = explain(err);
    }
  }
}

async function enterDialog(problem) {
  const input = pinInput();
  const body = form(problem, h('p', {}, t('trainer-enter-lead')),
    field(t('trainer-pin'), input, { testid: 'trainer-pin-input' }));
  const answer = await modal({ title: t('trainer-enter-title'), body, testid: 'trainer-pin-dialog',
    initialFocus: 'input', actions: okCancel(t('trainer-unlock')) });
  return answer === 'ok' ? input.value : null;
}

async function chooseDialog(problem) {
  let current = problem;
  for (;;) {
    const input = pinInput();
    const again = pinInput();
    const body = form(current, h('p', {}, t('trainer-choose-lead')),
      field(t('trainer-pin-new'), input, { testid: 'trainer-pin-input', hint: t('trainer-pin-hint') }),
      field(t('pin-confirm'), again, { testid: 'trainer-pin-confirm' }));
    const answer = await modal({ title: t('trainer-choose-title'), body, testid: 'trainer-pin-dialog',
      initialFocus: 'input', actions: okCancel(t('trainer-pin-save')) });
    if (answer !== 'ok') return null;
    current = pinProblem(input.value, again.value) || (input.value ? null : t('error-bad-pin'));
    if (!current) return input.value;
  }
}

/** The dialog's form: Enter presses its first button; a problem is said first, as an alert. */
function form(problem, ...children) {
  const node = h('form', { novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const ok = node.closest('dialog').querySelector('[data-testid="trainer-pin-ok"]');
    if (ok) ok.click();
  } },
  problem ? h('p', { class: 'field-error', role: 'alert', testid: 'trainer-pin-error' }, problem) : null,
  ...children);
  return node;
}

function okCancel(label) {
  return [
    { label, value: 'ok', class: 'primary', testid: 'trainer-pin-ok' },
    { label: t('cancel'), value: null, testid: 'trainer-pin-cancel' },
  ];
}
