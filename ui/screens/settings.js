// Settings: display (language, text size, contrast, motion, idle lock), the learner's profile, the
// institution's records (sync and export), and what this installation is.

import { call, saveFile } from '../lib/api.js';
import { h, announce, modal, clear } from '../lib/dom.js';
import { t, formatDate, language } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { field, languageSelect, pinInput, pinProblem } from '../lib/forms.js';
import { asTrainer, askTrainerPin, changeTrainerPin } from '../lib/trainer.js';
import { IDLE_CHOICES, IDLE_DEFAULT } from '../lib/idle.js';

export async function render(ctx) {
  const root = h('section', { class: 'screen narrow settings' },
    h('div', { class: 'screen-head' }, h('h1', {}, t('settings-title'))));
  root.append(display(ctx));
  if (ctx.learner) root.append(profile(ctx));
  root.append(await records(ctx), await about(ctx));
  return { node: root };
}

function section(id, title, ...children) {
  return h('section', { class: 'card settings-section', 'aria-labelledby': id, testid: id },
    h('h2', { id }, title), ...children);
}

function statusLine(testid) {
  return h('p', { class: 'form-status', role: 'status', testid });
}

function say(status, text, isError = false) {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

function display(ctx) {
  const lang = languageSelect(ctx.info.ui_language || '', { includeFollow: true });
  const langField = field(t('interface-language'), lang, { testid: 'settings-ui-language', hint: t('settings-language-hint') });
  lang.addEventListener('change', async () => {
    await call('set_ui_language', { language: lang.value });
    await ctx.refresh();
    ctx.focusAfter = 'settings-ui-language';
    ctx.navigate('settings');
    announce(t('settings-saved'));
  });

  const current = ctx.preference('text_size') || '100';
  const sizes = h('fieldset', { class: 'choices inline' },
    h('legend', {}, t('text-size')),
    ctx.textSizes.map((size) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'text-size', id: `text-size-${size}`, value: size, checked: size === current,
        testid: `settings-text-size-${size}`, onchange: async () => {
          await ctx.setPreference('text_size', size);
          announce(t('text-size-now', { size }));
        } }),
      h('label', { for: `text-size-${size}` }, `${size} %`))));

  const toggle = (name, label, hint) => {
    const id = `pref-${name}`;
    const input = h('input', { type: 'checkbox', id, testid: `settings-${name.replace('_', '-')}`,
      checked: ctx.preference(name) === 'on', 'aria-describedby': hint ? `${id}-hint` : null,
      onchange: async () => {
        await ctx.setPreference(name, input.checked ? 'on' : 'off');
        announce(t('settings-saved'));
      } });
    return h('div', { class: 'choice toggle' }, input, h('label', { for: id }, label),
      hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
  };

  const idleNow = ctx.preference('idle_lock') || IDLE_DEFAULT;
  const idle = h('select', {}, IDLE_CHOICES.map((value) => h('option', { value, selected: value === idleNow },
    value === 'never' ? t('idle-never') : t('idle-minutes', { minutes: Number(value) }))));
  const idleField = field(t('settings-idle-lock'), idle, { testid: 'settings-idle-lock', hint: t('settings-idle-lock-hint') });
  idle.addEventListener('change', async () => {
    await ctx.setPreference('idle_lock', idle.value);
    announce(t('settings-saved'));
  });

  return section('settings-display', t('settings-display'), langField, sizes,
    toggle('high_contrast', t('settings-high-contrast')),
    toggle('reduce_motion', t('settings-reduce-motion'), t('settings-reduce-motion-hint')),
    idleField);
}

function profile(ctx) {
  const learner = ctx.learner;
  const name = field(t('profile-name'), h('input', { type: 'text', value: learner.display_name, maxlength: '80' }),
    { testid: 'settings-profile-name' });
  const nameStatus = statusLine('settings-profile-name-status');
  const nameForm = h('form', { class: 'row-form', novalidate: true }, name,
    h('button', { type: 'submit', testid: 'settings-profile-rename' }, t('save')), nameStatus);
  nameForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    name.setError(null);
    try {
      await call('rename_learner', { id: learner.id, name: name.control.value });
      await ctx.refresh();
      say(nameStatus, t('settings-saved'));
    } catch (err) {
      name.setError(explain(err));
      name.control.focus();
    }
  });

  const lang = field(t('profile-language'), languageSelect(learner.language), { testid: 'settings-profile-language',
    hint: t('profile-language-hint') });
  const langStatus = statusLine('settings-profile-language-status');
  lang.control.addEventListener('change', async () => {
    try {
      await call('set_learner_language', { id: learner.id, language: lang.control.value });
      await ctx.refresh();
      ctx.focusAfter = 'settings-profile-language';
      ctx.navigate('settings');
      announce(t('settings-saved'));
    } catch (err) {
      say(langStatus, explain(err), true);
    }
  });

  const themeNow = learner.theme || 'system';
  const themes = h('fieldset', { class: 'choices', 'aria-describedby': 'settings-theme-hint' },
    h('legend', {}, t('settings-theme')),
    h('p', { class: 'hint', id: 'settings-theme-hint' }, t('settings-theme-hint')),
    ['system', 'light', 'dark', 'contrast'].map((value) => h('div', { class: 'choice' },
      h('input', { type: 'radio', name: 'theme', id: `theme-${value}`, value, checked: value === themeNow,
        testid: `settings-theme-${value}`, onchange: async () => {
          await call('set_learner_theme', { id: learner.id, theme: value === 'system' ? null : value });
          await ctx.refresh();
          announce(t('settings-saved'));
        } }),
      h('label', { for: `theme-${value}` }, t(`theme-${value}`)))));

  const notesStatus = statusLine('settings-notes-status');
  const exportNotes = h('button', { type: 'button', testid: 'settings-export-notes', onclick: async () => {
    try {
      const path = await saveFile(`${t('notes-file-name')}.md`, [{ name: 'Markdown', extensions: ['md'] }]);
      if (!path) return;
      const count = await call('export_notes', { path, title: t('notes-export-title', { name: learner.display_name }) });
      say(notesStatus, t('notes-exported', { count, path }));
    } catch (err) {
      say(notesStatus, explain(err), true);
    }
  } }, t('notes-export'));
  const notesBox = h('div', { class: 'sub-form' }, h('h3', {}, t('notes-title')), h('p', {}, t('notes-export-lead')),
    h('div', { class: 'actions' }, exportNotes), notesStatus);

  const pin = field(learner.has_pin ? t('pin-new') : t('pin-label'), pinInput(), { testid: 'settings-pin', hint: t('pin-hint') });
  const pin2 = field(t('pin-confirm'), pinInput(), { testid: 'settings-pin-confirm' });
  const pinStatus = statusLine('settings-pin-status');
  const pinForm = h('form', { class: 'sub-form', novalidate: true },
    h('h3', {}, t('pin-title')),
    h('p', { testid: 'settings-pin-state', tabindex: '-1' }, learner.has_pin ? t('pin-is-set') : t('pin-not-set')),
    pin, pin2,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', testid: 'settings-pin-save' }, learner.has_pin ? t('pin-change') : t('pin-set')),
      learner.has_pin ? h('button', { type: 'button', testid: 'settings-pin-remove', onclick: () => savePin(null) }, t('pin-remove')) : null),
    pinStatus);
  async function savePin(value) {
    try {
      await call('set_learner_pin', { id: learner.id, pin: value });
      await ctx.refresh();
      ctx.focusAfter = 'settings-pin-state';
      ctx.navigate('settings');
      announce(value ? t('pin-saved') : t('pin-removed'));
    } catch (err) {
      say(pinStatus, explain(err), true);
    }
  }
  pinForm.addEventListener('submit', (e) => {
    e.preventDefault();
    pin.setError(null);
    pin2.setError(null);
    const problem = pin.control.value ? pinProblem(pin.control.value, pin2.control.value) : t('error-bad-pin');
    if (problem) {
      const target = /^[0-9]{4,12}$/.test(pin.control.value) ? pin2 : pin;
      target.setError(problem);
      target.control.focus();
      return;
    }
    savePin(pin.control.value);
  });

  const remove = h('button', { type: 'button', class: 'danger', testid: 'settings-profile-delete', onclick: async () => {
    const answer = await modal({
      title: t('delete-profile-title', { name: learner.display_name }),
      body: h('p', {}, t('delete-profile-text')),
      testid: 'delete-profile-dialog',
      actions: [
        { label: t('cancel'), value: null, testid: 'delete-profile-cancel' },
        { label: t('delete-profile-confirm'), value: 'delete', class: 'danger', testid: 'delete-profile-confirm' },
      ],
    });
    if (answer !== 'delete') return;
    try {
      await call('delete_learner', { id: learner.id });
      await ctx.refresh();
      announce(t('profile-deleted'));
      ctx.navigate('profiles');
    } catch (err) {
      announce(explain(err), true);
    }
  } }, t('delete-profile'));

  const linkBox = h('div', { class: 'sub-form' }, h('h3', {}, t('link-title')), h('p', {}, t('link-settings-lead')),
    h('p', {}, h('a', { href: '#/link', testid: 'settings-link' }, t('settings-link'))));
  return section('settings-profile', t('settings-profile', { name: learner.display_name }),
    nameForm, lang, langStatus, themes, notesBox, pinForm, linkBox,
    h('div', { class: 'sub-form danger-zone' }, h('h3', {}, t('delete-profile')), h('p', {}, t('delete-profile-hint')), remove));
}

async function records(ctx) {
  const institution = await call('institution').catch(() => null);
  const i = institution || { name: '', home_page: '', endpoint: '', username: '', unencrypted: false,
    identifier_label: null, identifier_pattern: null };
  const f = {
    name: field(t('institution-name'), h('input', { type: 'text', value: i.name }), { testid: 'institution-name' }),
    home: field(t('institution-home'), h('input', { type: 'url', value: i.home_page, placeholder: 'https://' }),
      { testid: 'institution-home', hint: t('institution-home-hint') }),
    endpoint: field(t('institution-endpoint'), h('input', { type: 'url', value: i.endpoint, placeholder: 'https://' }),
      { testid: 'institution-endpoint', hint: t('institution-endpoint-hint') }),
    user: field(t('institution-user'), h('input', { type: 'text', value: i.username, autocomplete: 'off' }), { testid: 'institution-user' }),
    password: field(t('institution-password'), h('input', { type: 'password', autocomplete: 'new-password', value: '' }),
      { testid: 'institution-password', hint: ' ' }),
    idLabel: field(t('institution-identifier-label'), h('input', { type: 'text', value: i.identifier_label || '' }),
      { testid: 'institution-identifier-label', hint: t('institution-identifier-label-hint') }),
    idPattern: field(t('institution-identifier-pattern'), h('input', { type: 'text', value: i.identifier_pattern || '', spellcheck: 'false' }),
      { testid: 'institution-identifier-pattern', hint: t('institution-identifier-pattern-hint') }),
  };
  // Once an institution is saved, an empty password keeps the one saved: say so from then on.
  let saved = Boolean(institution);
  const passwordHint = f.password.querySelector('.hint');
  const showPasswordHint = () => {
    passwordHint.textContent = saved ? t('institution-password-keep') : '';
    passwordHint.hidden = !saved;
  };
  showPasswordHint();
  const saveStatus = statusLine('institution-status');
  // http:// to another computer: the password and the records cross the network unencrypted.
  const unencrypted = h('p', { class: 'notice warning', testid: 'institution-unencrypted', hidden: !i.unencrypted },
    t('institution-unencrypted'));
  const form = h('form', { class: 'sub-form', novalidate: true, testid: 'institution-form' },
    h('h3', {}, t('institution-title')),
    h('p', { class: 'hint' }, t('institution-lead')),
    h('p', { class: 'hint' }, t('institution-trainer-only')),
    Object.values(f),
    unencrypted,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', testid: 'institution-save' }, t('save'))),
    saveStatus);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const x of Object.values(f)) x.setError(null);
    const required = [f.name, f.home, f.endpoint, f.user];
    if (!saved) required.push(f.password);
    const empty = required.find((x) => !x.control.value.trim());
    if (empty) {
      empty.setError(t('error-required'));
      empty.control.focus();
      return;
    }
    try {
      const view = await asTrainer(() => call('set_institution', { name: f.name.control.value.trim(),
        homePage: f.home.control.value.trim(), endpoint: f.endpoint.control.value.trim(),
        username: f.user.control.value.trim(), password: f.password.control.value,
        identifierLabel: f.idLabel.control.value.trim(), identifierPattern: f.idPattern.control.value.trim() }));
      unencrypted.hidden = !view.unencrypted;
      await trainer.refresh(); // the trainer PIN may have just been given: offer to lock
      f.password.control.value = '';
      saved = true;
      showPasswordHint();
      say(saveStatus, t('settings-saved'));
      sendActions.hidden = false;
      needsInstitution.hidden = true;
      await refreshSync();
    } catch (err) {
      if (err.kind === 'password-needed') {
        f.password.setError(explain(err));
        f.password.control.focus();
      }
      say(saveStatus, explain(err), true);
    }
  });

  const trainer = await trainerPin();

  const syncBox = h('div', { class: 'sync-status', testid: 'sync-status' });
  const sendStatus = statusLine('sync-now-status');
  const sendNow = h('button', { type: 'button', class: 'primary', testid: 'sync-now', onclick: async () => {
    sendNow.setAttribute('aria-disabled', 'true');
    say(sendStatus, t('sync-sending'));
    try {
      const status = await ctx.syncNow();
      say(sendStatus, t('sync-done', { pending: status.pending }));
    } catch (err) {
      say(sendStatus, explain(err), true);
    }
    sendNow.removeAttribute('aria-disabled');
    await refreshSync();
  } }, t('sync-now'));

  const sendActions = h('div', { class: 'actions', hidden: !institution }, sendNow);
  const needsInstitution = h('p', { class: 'hint', hidden: Boolean(institution) }, t('sync-needs-institution'));

  async function refreshSync() {
    let status;
    try {
      status = await call('sync_status');
    } catch (err) {
      clear(syncBox).append(h('p', { class: 'error' }, explain(err)));
      return;
    }
    const rows = [
      [t('sync-pending'), String(status.pending), 'sync-pending'],
      [t('sync-sent'), String(status.synced), 'sync-sent'],
      [t('sync-last-success'), status.last_success_at ? formatDate(status.last_success_at) : t('never'), 'sync-last-success'],
    ];
    if (status.last_error) {
      rows.push([t('sync-last-error'), `${formatDate(status.last_error_at)} — ${explain({ message: status.last_error, kind: status.last_error_kind })}`, 'sync-last-error']);
    }
    clear(syncBox).append(h('dl', { class: 'facts stacked' }, rows.map(([dt, dd, testid]) =>
      h('div', {}, h('dt', {}, dt), h('dd', { testid }, dd)))));
    if (status.rejected.length) {
      syncBox.append(h('details', { class: 'problems' },
        h('summary', { testid: 'sync-rejected-toggle' }, t('sync-rejected', { count: status.rejected.length })),
        h('ul', { testid: 'sync-rejected' }, status.rejected.map(([id, reason]) =>
          h('li', {}, h('code', {}, id), ' — ', reason)))));
    }
  }
  await refreshSync();

  const exportStatus = statusLine('export-status');
  const exportButton = h('button', { type: 'button', testid: 'export-records', onclick: async () => {
    try {
      const day = new Date().toISOString().slice(0, 10);
      const path = await saveFile(`dlis-records-${day}.zip`, [{ name: t('export-filter-name'), extensions: ['zip'] }]);
      if (!path) return;
      say(exportStatus, t('export-writing'));
      const count = await call('export_records', { path });
      say(exportStatus, t('export-done', { count, path }));
    } catch (err) {
      say(exportStatus, explain(err), true);
    }
  } }, t('export-records'));

  return section('settings-records', t('settings-records'),
    h('p', {}, t('records-lead')),
    form,
    trainer,
    h('div', { class: 'sub-form' }, h('h3', {}, t('sync-title')), syncBox,
      sendActions, needsInstitution,
      sendStatus),
    h('div', { class: 'sub-form' }, h('h3', {}, t('export-title')), h('p', {}, t('export-lead')),
      h('div', { class: 'actions' }, exportButton), exportStatus),
    h('div', { class: 'sub-form' }, h('h3', {}, t('records-title')), h('p', {}, t('records-screen-lead')),
      h('p', {}, h('a', { href: '#/records', testid: 'settings-open-records' }, t('settings-open-records')))));
}

/** The trainer PIN: set it (first use), change it, or lock the trainer's settings now. */
async function trainerPin() {
  const box = h('div', { class: 'sub-form', testid: 'trainer-pin' });
  const status = statusLine('trainer-pin-status');
  async function show() {
    const state = await call('trainer_state');
    clear(box).append(h('h3', {}, t('trainer-title')),
      h('p', { testid: 'trainer-pin-state' }, state.pin_set ? t('trainer-pin-is-set') : t('trainer-pin-not-set')),
      h('div', { class: 'actions' },
        state.pin_set
          ? h('button', { type: 'button', testid: 'trainer-pin-change', onclick: async () => {
            if (await changeTrainerPin()) say(status, t('trainer-pin-saved'));
            await show();
          } }, t('trainer-pin-change'))
          : h('button', { type: 'button', testid: 'trainer-pin-set', onclick: async () => {
            if (await askTrainerPin()) say(status, t('trainer-pin-saved'));
            await show();
          } }, t('trainer-pin-save')),
        state.unlocked ? h('button', { type: 'button', testid: 'trainer-lock', onclick: async () => {
          await call('lock_trainer');
          say(status, t('trainer-locked'));
          await show();
        } }, t('trainer-lock')) : null),
      status);
  }
  await show();
  box.refresh = show;
  return box;
}

/** The licences shipped with the app, fetched once (made by scripts/licenses.sh). */
let licencesFile = null;
function licences() {
  if (!licencesFile) {
    licencesFile = fetch('licenses/third-party.json').then((response) => {
      if (!response.ok) throw new Error(`licenses/third-party.json: ${response.status}`);
      return response.json();
    });
    licencesFile.catch(() => { licencesFile = null; });
  }
  return licencesFile;
}

const PLATFORMS = { linux: 'Linux', windows: 'Windows' };

/** What this installation is, where its data is, whom to tell about a problem, and the licences. */
async function about(ctx) {
  const info = ctx.info;
  const [institution, file] = await Promise.all([
    call('institution').catch(() => null),
    licences().catch((err) => { console.error(err); return null; }),
  ]);
  const facts = h('dl', { class: 'facts stacked' },
    h('div', {}, h('dt', {}, t('about-version')), h('dd', { testid: 'about-version' }, info.version)),
    h('div', {}, h('dt', {}, t('about-data')), h('dd', { class: 'path', testid: 'about-data-dir' }, info.data_dir)),
    h('div', {}, h('dt', {}, t('interface-language')), h('dd', {}, language())));
  const portable = info.portable ? h('p', { class: 'notice', testid: 'about-portable' }, t('about-portable')) : null;

  // The institution settings hold a name and a web address, no contact: both are said as they are.
  const report = h('div', { class: 'sub-form' },
    h('h3', {}, t('about-report-title')),
    h('p', { testid: 'about-report' }, institution && institution.name
      ? t('about-report-institution', { institution: institution.name, address: institution.home_page })
      : t('about-report-default')),
    h('p', { class: 'hint' }, t('about-report-details')));

  const licencesPart = h('div', { class: 'sub-form about-licences' }, h('h3', {}, t('about-licences-title')));
  if (!file) {
    licencesPart.append(h('p', { class: 'error', testid: 'about-licences-error' }, t('about-licences-error')));
  } else {
    const byKey = new Map(file.components.map((c) => [`${c.name} ${c.version}`, c]));
    const thirdParty = h('details', { class: 'third-party', testid: 'about-third-party' },
      h('summary', { testid: 'about-third-party-toggle' }, t('about-third-party-show', { count: file.components.length })));
    thirdParty.addEventListener('toggle', () => {
      if (thirdParty.open && thirdParty.childElementCount === 1) thirdParty.append(...file.licenses.map((group) => licenceGroup(group, byKey)));
    });
    licencesPart.append(
      h('p', { testid: 'about-app-licence' }, t('about-app-licence', { licence: file.app.license })),
      h('details', { testid: 'about-app-licence-text' },
        h('summary', {}, t('about-app-licence-read', { licence: file.app.license })),
        h('pre', { class: 'licence-text' }, file.app.text)),
      h('p', {}, t('about-samples-licence')),
      h('h4', {}, t('about-third-party-title')),
      h('p', {}, t('about-third-party-lead', { count: file.components.length })),
      thirdParty);
  }

  return section('settings-about', t('settings-about'), facts, portable, report, licencesPart);
}

/** One licence: its components, under each of its texts (texts differ by copyright line). */
function licenceGroup(group, byKey) {
  return h('details', { class: 'licence-group', testid: `licence-${group.id}` },
    h('summary', { testid: `licence-${group.id}-toggle` },
      `${group.name} (${group.id}) — ${t('about-components', { count: group.components.length })}`),
    group.texts.map((text) => h('div', { class: 'licence-use' },
      h('ul', { class: 'components' }, text.components.map((key) => component(byKey.get(key), key, group.id))),
      h('details', {},
        h('summary', {}, t('about-licence-text', { licence: group.id, count: text.components.length })),
        h('pre', { class: 'licence-text' }, text.text)))));
}

function component(c, key, licence) {
  if (!c) return h('li', {}, key);
  const notes = [];
  if (c.license !== licence) notes.push(c.license); // e.g. "Apache-2.0 OR MIT", used under MIT
  if (c.kind === 'javascript') notes.push(t('about-javascript'));
  if (c.platforms) notes.push(t('about-only-on', { platforms: c.platforms.map((p) => PLATFORMS[p] || p).join(', ') }));
  return h('li', {}, h('span', { class: 'component-name' }, key), notes.length ? ` (${notes.join('; ')})` : '');
}
