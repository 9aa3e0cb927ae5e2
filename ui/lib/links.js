// Links inside module texts (lessons, transcripts): they never navigate the app's window.
// A link to another lesson of the module opens it in the reader; an outside address is
// shown so that the learner can copy it into a browser.

import { h, modal, announce } from './dom.js';
import { t } from './i18n.js';
import { routeOf } from './module.js';

export function handleLinks(container, view, ctx) {
  container.addEventListener('click', async (e) => {
    const a = e.target.closest('a[href]');
    if (!a || !container.contains(a)) return;
    e.preventDefault();
    const href = a.getAttribute('href');
    if (href.startsWith('#')) {
      const id = decodeURIComponent(href.slice(1));
      const target = id && (container.querySelector(`[id="${CSS.escape(id)}"]`)
        || container.querySelector(`[name="${CSS.escape(id)}"]`));
      if (target) target.scrollIntoView({ block: 'start' });
      return;
    }
    if (href.startsWith(`${view.asset_base}/`)) {
      const path = decodeURIComponent(href.slice(view.asset_base.length + 1).split('#')[0]);
      const lesson = view.manifest.activities.find((act) =>
        act.kind === 'lesson' && Object.values(act.body || {}).includes(path));
      if (lesson) ctx.navigate(routeOf(view.manifest.id, lesson));
      else announce(t('link-inside-module'));
      return;
    }
    await showExternal(href);
  });
}

async function showExternal(href) {
  const address = href.replace(/^mailto:/, '');
  const input = h('input', { type: 'text', readonly: true, value: address, class: 'url', testid: 'external-link-url',
    'aria-label': t('external-link-address') });
  const copied = h('p', { role: 'status', class: 'hint' });
  const copy = h('button', { type: 'button', testid: 'external-link-copy', onclick: async () => {
    input.select();
    try {
      await navigator.clipboard.writeText(address);
    } catch {
      document.execCommand('copy');
    }
    copied.textContent = t('external-link-copied');
  } }, t('copy'));
  await modal({
    title: t('external-link-title'),
    testid: 'external-link-dialog',
    body: h('div', {}, h('p', {}, href.startsWith('mailto:') ? t('external-mail-text') : t('external-link-text')),
      h('div', { class: 'copy-row' }, input, copy), copied),
    actions: [{ label: t('close'), value: 'close', class: 'primary', testid: 'external-link-close' }],
    initialFocus: 'input',
  });
}
