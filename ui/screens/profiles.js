// The profile picker of a shared laptop: choose who is learning, or create a profile.

import { call } from '../lib/api.js';
import { h, announce, modal } from '../lib/dom.js';
import { t, language, supported } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { field, languageSelect, pinInput, pinProblem } from '../lib/forms.js';

export async function render(ctx) {
  const learners = await call('learners');
  const root = h('section', { class: 'screen narrow profiles' });

  const uiLanguage = languageSelect(language());
  uiLanguage.addEventListener('change', async () => {
    ctx.sessionLanguage = uiLanguage.value;
    await ctx.refresh();
    ctx.focusAfter = 'profiles-ui-language';
    ctx.navigate('profiles');
  });
  root.append(
    h('div', { class: 'screen-head' },
      h('h1', {}, t('profiles-title')),
      h('p', { class: 'lead' }, t('profiles-lead'))),
    h('div', { class: 'inline-field' }, field(t('interface-language'), uiLanguage, { testid: 'profiles-ui-language' })));

  if (learners.length) {
    const list = h('ul', { class: 'profile-list', testid: 'profile-list' });
    for (const learner of learners) {
      list.append(h('li', {},
        h('button', { type: 'button', class: 'profile-card', testid: `profile-${learner.id}`,
          'data-name': learner.display_name, onclick: () => open(ctx, learner) },
          h('span', { class: 'avatar', 'aria-hidden': 'true' }, initial(learner.display_name)),
          h('span', { class: 'profile-name' }, learner.display_name),
          learner.has_pin ? h('span', { class: 'badge' }, t('profile-has-pin')) : null)));
    }
    root.append(h('h2', {}, t('profiles-choose')), list);
  } else {
    root.append(h('p', { class: 'notice' }, t('profiles-none')));
  }

  root.append(createForm(ctx, learners.length === 0));
  return { node: root };
}

function initial(name) {
  return Array.from(name.trim())[0]?.toLocaleUpperCase() || '?';
}

async function open(ctx, learner) {
  let pin = null;
  if (learner.has_pin) {
    const input = pinInput();
    const pinField = field(t('pin-label'), input, { testid: 'pin-prompt-input' });
    const form = h('form', { onsubmit: (e) => { e.preventDefault(); ok.click(); } }, pinField);
    let ok;
    const result = modal({
      title: t('pin-prompt-title', { name: learner.display_name }),
      body: form,
      testid: 'pin-prompt',
      initialFocus: 'input',
      actions: [
        { label: t('open-profile'), value: 'ok', class: 'primary', testid: 'pin-prompt-ok' },
        { label: t('cancel'), value: null, testid: 'pin-prompt-cancel' },
      ],
    });
    ok = document.querySelector('[data-testid="pin-prompt-ok"]');
    if ((await result) !== 'ok') return;
    pin = input.value;
  }
  try {
    await call('switch_learner', { id: learner.id, pin });
    ctx.sessionLanguage = null;
    await ctx.refresh();
    announce(t('welcome', { name: learner.display_name }));
    ctx.navigate('catalogue');
  } catch (err) {
    await modal({
      title: t('error-title'),
      body: h('p', { testid: 'profile-error' }, explain(err)),
      testid: 'profile-error-dialog',
      actions: [{ label: t('ok'), value: 'ok', class: 'primary', testid: 'profile-error-ok' }],
    });
  }
}

function createForm(ctx, expanded) {
  const name = field(t('profile-name'), h('input', { type: 'text', autocomplete: 'off', maxlength: '80', required: true }),
    { testid: 'new-profile-name', hint: t('profile-name-hint') });
  const lang = field(t('profile-language'), languageSelect(supported(ctx.sessionLanguage) || language()),
    { testid: 'new-profile-language', hint: t('profile-language-hint') });
  const pin = field(t('pin-optional'), pinInput(), { testid: 'new-profile-pin', hint: t('pin-hint') });
  const pin2 = field(t('pin-confirm'), pinInput(), { testid: 'new-profile-pin-confirm' });
  const status = h('p', { class: 'form-status', role: 'status' });

  const form = h('form', { class: 'card form', testid: 'new-profile-form', novalidate: true }, 
    name, lang, pin, pin2, status,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', testid: 'new-profile-create' }, t('profile-create'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const f of [name, pin, pin2]) f.setError(null);
    const displayName = name.control.value.trim();
    if (!displayName) {
      name.setError(t('error-empty-name'));
      name.control.focus();
      return;
    }
    const pinError = pinProblem(pin.control.value, pin2.control.value);
    if (pinError) {
      const target = /^[0-9]{4,12}$/.test(pin.control.value) ? pin2 : pin;
      target.setError(pinError);
      target.control.focus();
      return;
    }
    try {
      const learner = await call('create_learner',
        { name: displayName, language: lang.control.value, pin: pin.control.value || null });
      ctx.sessionLanguage = null;
      await ctx.refresh();
      announce(t('profile-created', { name: learner.display_name }));
      ctx.navigate('catalogue');
    } catch (err) {
      status.textContent = explain(err);
      status.classList.add('error');
    }
  });

  const details = h('details', { class: 'disclosure', open: expanded, testid: 'new-profile' },
    h('summary', { testid: 'new-profile-toggle' }, t('profile-new')), form);
  return details;
}
