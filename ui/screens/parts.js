// Pieces shared by the activity screens: breadcrumbs, text size, the footer with "next".

import { h, announce } from '../lib/dom.js';
import { inApp } from '../lib/api.js';
import { t, pick } from '../lib/i18n.js';
import { routeOf, nextActivity, contentLanguageOf } from '../lib/module.js';

export function breadcrumbs(manifest, ctx) {
  const title = pick(manifest.title, contentLanguageOf(manifest, ctx), manifest.default_language);
  return h('nav', { class: 'breadcrumbs', 'aria-label': t('breadcrumbs') },
    // In an LMS the module is all there is: no catalogue to go back to.
    inApp() ? [h('a', { href: '#/catalogue', testid: 'crumb-catalogue' }, t('nav-catalogue')),
      h('span', { class: 'sep', 'aria-hidden': 'true' }, '›')] : null,
    h('a', { href: `#/module/${encodeURIComponent(manifest.id)}`, testid: 'back-to-module' }, title));
}

export function activityFooter(manifest, activityId, ctx) {
  const next = nextActivity(manifest, activityId);
  return h('nav', { class: 'activity-footer', 'aria-label': t('activity-navigation') },
    h('a', { class: 'button', href: `#/module/${encodeURIComponent(manifest.id)}`, testid: 'footer-back-to-module' },
      t('back-to-module')),
    next ? h('a', { class: 'button primary', href: `#/${routeOf(manifest.id, next)}`, testid: 'next-activity' },
      t('next-activity', { title: pick(next.title, contentLanguageOf(manifest, ctx), manifest.default_language) })) : null);
}

/** Smaller / larger text buttons, changing the text size preference of the whole app. */
export function textSizeControls(ctx) {
  const sizes = ctx.textSizes;
  const currentIndex = () => Math.max(0, sizes.indexOf(ctx.preference('text_size') || '100'));
  const status = h('span', { class: 'size-value', 'aria-hidden': 'true' });
  const glyph = (text) => h('span', { 'aria-hidden': 'true' }, text);
  const smaller = h('button', { type: 'button', class: 'quiet', testid: 'text-smaller', title: t('text-smaller') },
    glyph('A−'), h('span', { class: 'visually-hidden' }, t('text-smaller')));
  const larger = h('button', { type: 'button', class: 'quiet large-a', testid: 'text-larger', title: t('text-larger') },
    glyph('A+'), h('span', { class: 'visually-hidden' }, t('text-larger')));
  const update = () => {
    const i = currentIndex();
    status.textContent = `${sizes[i]} %`;
    // aria-disabled rather than disabled: a focused button must keep its focus.
    smaller.setAttribute('aria-disabled', String(i === 0));
    larger.setAttribute('aria-disabled', String(i === sizes.length - 1));
  };
  const step = async (delta) => {
    const i = Math.min(sizes.length - 1, Math.max(0, currentIndex() + delta));
    await ctx.setPreference('text_size', sizes[i]);
    update();
    announce(t('text-size-now', { size: sizes[i] }));
  };
  smaller.addEventListener('click', () => step(-1));
  larger.addEventListener('click', () => step(1));
  update();
  return h('div', { class: 'text-size', role: 'group', 'aria-label': t('text-size') }, smaller, status, larger);
}
