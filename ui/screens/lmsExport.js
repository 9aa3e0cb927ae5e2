// For trainers, on a module's page: the module as a SCORM 1.2 package for an institution's LMS
// (`export_for_lms`, the core's `dlis lms-export`). Behind the trainer PIN. The app's page
// only: the LMS player, which shares the module screen, does not import this file.

import { call, saveFile } from '../lib/api.js';
import { h, announce } from '../lib/dom.js';
import { t, language } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { asTrainer } from '../lib/trainer.js';

export function lmsExportSection(manifest) {
  const status = h('p', { class: 'form-status', role: 'status', testid: 'lms-export-status' });
  const button = h('button', { type: 'button', testid: 'module-export-lms', onclick: async () => {
    try {
      const path = await saveFile(`${manifest.id}-scorm12.zip`, [{ name: 'SCORM 1.2', extensions: ['zip'] }]);
      if (!path) return;
      const done = await asTrainer(() => call('export_for_lms', { id: manifest.id, path, language: language() }));
      status.textContent = t('lms-export-done', { path: done.output });
    } catch (err) {
      status.textContent = explain(err);
    }
    announce(status.textContent);
  } }, t('lms-export-button'));
  return h('section', { class: 'card trainer-tools', 'aria-labelledby': 'lms-export-title', testid: 'lms-export' },
    h('h2', { id: 'lms-export-title' }, t('lms-export-title')),
    h('p', {}, t('lms-export-lead')),
    h('div', { class: 'actions' }, button),
    status);
}
