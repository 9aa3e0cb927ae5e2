// Installing a bundle: pick it (file dialog) or drop it on the window, see what it holds
// and how it compares with what is installed, then install with a progress bar.

import { call, listen, openFile } from '../lib/api.js';
import { h, clear, announce } from '../lib/dom.js';
import { t, pick, languageName } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { asTrainer } from '../lib/trainer.js';

export async function render(ctx, routePath) {
  const stage = h('div', { class: 'install-stage', testid: 'install-stage' });
  const root = h('section', { class: 'screen narrow install' },
    h('div', { class: 'screen-head' },
      h('h1', {}, t('install-title')),
      h('p', { class: 'lead' }, t('install-lead'))),
    stage);
  const flow = new InstallFlow(ctx, stage);
  const dropped = ctx.droppedPath || routePath;
  ctx.droppedPath = null;
  if (dropped) flow.inspect(dropped);
  else flow.idle();
  return { node: root, cleanup: () => flow.stop() };
}

/** Who signed the offered bundle, in words: verified, claimed by an untrusted key, or nobody. */
function signature(info) {
  if (!info.signed_by) return t('install-unsigned');
  return info.verified
    ? t('install-signed-verified', { organisation: info.signed_by })
    : t('install-signed-untrusted', { organisation: info.signed_by });
}

class InstallFlow {
  constructor(ctx, stage) {
    this.ctx = ctx;
    this.stage = stage;
    this.unlisten = null;
  }

  stop() {
    if (this.unlisten) this.unlisten();
    this.unlisten = null;
  }

  show(...nodes) {
    clear(this.stage).append(...nodes);
    const heading = this.stage.querySelector('h2');
    if (heading && this.stage.isConnected) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }

  chooseButton(primary = true) {
    return h('button', { type: 'button', class: primary ? 'primary' : '', testid: 'install-choose',
      onclick: () => this.choose() }, t('install-choose'));
  }

  idle() {
    clear(this.stage).append(h('div', { class: 'card drop-zone', testid: 'install-drop-zone' },
      h('p', {}, t('install-how')),
      h('div', { class: 'actions' }, this.chooseButton()),
      h('p', { class: 'hint' }, t('install-drop-hint'))));
  }

  async choose() {
    let path;
    try {
      path = await openFile([{ name: t('install-filter-name'), extensions: ['zip'] }]);
    } catch (err) {
      this.failure(explain(err));
      return;
    }
    if (path) this.inspect(path);
  }

  async inspect(path) {
    this.show(h('div', { class: 'card', role: 'status' }, h('h2', {}, t('install-checking')), h('p', { class: 'path' }, path)));
    let info;
    try {
      info = await call('inspect_bundle', { path });
    } catch (err) {
      this.failure(explain(err), path);
      return;
    }
    if (info.problems.length || !info.manifest) {
      this.invalid(path, info.problems);
      return;
    }
    this.offer(path, info);
  }

  invalid(path, problems) {
    this.show(h('div', { class: 'card notice error', testid: 'install-invalid' },
      h('h2', {}, t('install-invalid-title')),
      h('p', {}, t('install-invalid-text')),
      h('p', { class: 'path' }, path),
      h('details', { class: 'problems' }, h('summary', { testid: 'install-problems-toggle' }, t('install-problems', { count: problems.length })),
        h('ul', { testid: 'install-problems' }, problems.map((p) => h('li', {}, p)))),
      h('div', { class: 'actions' }, this.chooseButton())));
    announce(t('install-invalid-title'), true);
  }

  offer(path, info) {
    const m = info.manifest;
    const lang = this.ctx.contentLanguage();
    const title = pick(m.title, lang, m.default_language);
    const card = h('div', { class: 'card', testid: 'install-offer' },
      h('h2', { testid: 'install-module-title' }, title),
      h('dl', { class: 'facts' },
        h('div', {}, h('dt', {}, t('module-organisation')), h('dd', {}, m.organisation.name)),
        h('div', {}, h('dt', {}, t('module-version')), h('dd', { testid: 'install-version' }, m.version)),
        h('div', {}, h('dt', {}, t('module-languages')), h('dd', {}, m.languages.map(languageName).join(', '))),
        h('div', {}, h('dt', {}, t('module-duration')), h('dd', {}, t('minutes', { minutes: m.estimated_minutes }))),
        h('div', {}, h('dt', {}, t('install-signature')), h('dd', { testid: 'install-signature' }, signature(info))),
        info.installed_version ? h('div', {}, h('dt', {}, t('install-installed-signature')),
          h('dd', { testid: 'install-installed-signature' }, info.installed_verified_by
            ? t('install-signed-verified', { organisation: info.installed_verified_by }) : t('install-not-verified'))) : null),
      h('p', { class: 'path' }, path));
    const installed = info.installed_version;
    const actions = h('div', { class: 'actions' });
    const cancel = h('button', { type: 'button', testid: 'install-cancel', onclick: () => this.idle() }, t('cancel'));
    const change = info.signer_change;
    if (change) {
      // The installed copy was signed by a trusted organisation and this one is not (by the
      // same key): anyone can make an unsigned bundle with the same id.
      card.append(h('p', { class: 'notice warning', testid: 'install-status', 'data-signer-changed': 'true' },
        change.offered
          ? t('install-signer-changed-other', { installed: change.installed, offered: change.offered })
          : t('install-signer-changed-unsigned', { installed: change.installed })));
      actions.append(h('button', { type: 'button', class: 'primary', testid: 'install-keep', onclick: () => this.idle() },
        t('install-keep-current')),
        h('button', { type: 'button', testid: 'install-anyway', onclick: () => this.install(path, true) },
          t('install-anyway')));
    } else if (!installed) {
      card.append(h('p', { testid: 'install-status' }, t('install-new')));
      actions.append(h('button', { type: 'button', class: 'primary', testid: 'install-confirm',
        onclick: () => this.install(path, false) }, t('install-do')), cancel);
    } else {
      // The core compares the versions (`offered_is`); the page only words the result.
      if (info.offered_is === 'newer') {
        card.append(h('p', { class: 'notice', testid: 'install-status' }, t('install-upgrade', { from: installed, to: m.version })));
        actions.append(h('button', { type: 'button', class: 'primary', testid: 'install-confirm',
          onclick: () => this.install(path, false) }, t('install-upgrade-do')), cancel);
      } else if (info.offered_is === 'older') {
        card.append(h('p', { class: 'notice warning', testid: 'install-status' }, t('install-older', { installed, offered: m.version })));
        actions.append(h('button', { type: 'button', class: 'primary', testid: 'install-keep', onclick: () => this.idle() },
          t('install-keep-current')),
          h('button', { type: 'button', testid: 'install-downgrade', onclick: () => this.install(path, true) },
            t('install-downgrade')));
      } else {
        card.append(h('p', { class: 'notice', testid: 'install-status' }, t('install-same', { version: installed })));
        actions.append(h('button', { type: 'button', class: 'primary', testid: 'install-confirm',
          onclick: () => this.install(path, false) }, t('install-again')), cancel);
      }
    }
    card.append(actions);
    this.show(card);
  }

  async install(path, force) {
    const label = h('p', { class: 'phase', testid: 'install-phase' }, t('install-starting'));
    const bar = h('progress', { testid: 'install-progress', 'aria-label': t('install-progress') });
    this.show(h('div', { class: 'card', testid: 'install-running', 'aria-busy': 'true' },
      h('h2', {}, t('install-running')), label, bar));
    announce(t('install-running'));
    let total = 0;
    let done = 0;
    this.stop();
    this.unlisten = await listen('install-progress', (p) => {
      if (p.phase) {
        total = p.total;
        done = 0;
        label.textContent = t(`phase-${p.phase.toLowerCase()}`);
        bar.max = Math.max(1, total);
        bar.value = 0;
      } else {
        done += p.advance;
        bar.value = Math.min(done, total);
      }
    });
    try {
      const result = await asTrainer(() => call('install_bundle', { path, force }));
      this.stop();
      this.success(result);
    } catch (err) {
      this.stop();
      this.failure(explain(err), path);
    }
  }

  success(result) {
    const outcome = result.outcome || {};
    // Only the outcome's own message is formatted: the others need a `from` it does not have.
    const messages = {
      upgraded: () => t('install-upgraded', { from: outcome.from, to: result.version }),
      replaced: () => t('install-replaced', { from: outcome.from, to: result.version }),
      unchanged: () => t('install-unchanged'),
    };
    const message = (messages[outcome.outcome] || (() => t('install-done', { version: result.version })))();
    this.show(h('div', { class: 'card notice success', testid: 'install-success', 'data-outcome': outcome.outcome },
      h('h2', {}, t('install-success-title')),
      h('p', {}, message),
      h('div', { class: 'actions' },
        this.ctx.learner ? h('a', { class: 'button primary', href: `#/module/${encodeURIComponent(result.id)}`,
          testid: 'install-open-module' }, t('install-open')) : null,
        h('button', { type: 'button', testid: 'install-another', onclick: () => this.idle() }, t('install-another')))));
    announce(message);
  }

  failure(message, path) {
    this.show(h('div', { class: 'card notice error', testid: 'install-error' },
      h('h2', {}, t('install-failed')),
      path ? h('p', { class: 'path' }, path) : null,
      h('p', { class: 'pre', testid: 'install-error-message' }, message),
      h('div', { class: 'actions' }, this.chooseButton())));
    announce(t('install-failed'), true);
  }
}
