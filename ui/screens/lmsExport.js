// For trainers, on a module's page: the module as a SCORM 1.2 or cmi5 package for an institution's LMS
// (`export_for_lms`, the core's `dlis lms-export`). Behind the trainer PIN. The app's page
// only: the LMS player, which shares the module screen, does not import this file.

import { call, saveFile } from '../lib/api.js';
import { h, announce, newId } from '../lib/dom.js';
import { t, language } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { asTrainer } from '../lib/trainer.js';

export function lmsExportSection(manifest) {
  const status = h('p', { class: 'form-status', role: 'status', testid: 'lms-export-status' });
  const formatId = newId('lms-format');
  const format = h('select', { id: formatId, testid: 'lms-export-format' },
    h('option', { value: 'scorm12' }, t('lms-format-scorm12')),
    h('option', { value: 'cmi5' }, t('lms-format-cmi5')));
  const button = h('button', { type: 'button', testid: 'module-export-lms', onclick: async () => {
    try {
      const chosen = format.value;
      const path = await saveFile(`${manifest.id}-${chosen}.zip`, [{ name: chosen === 'cmi5' ? 'cmi5' : 'SCORM 1.2', extensions: ['zip'] }]);
      if (!path) return;
      const done = await asTrainer(() => call('export_for_lms', { id: manifest.id, path, format: chosen, language: language() }));
      status.textContent = t('lms-export-done', { path: done.output });
    } catch (err) {
      status.textContent = explain(err);
    }
    announce(status.textContent);
  } }, t('lms-export-button'));
  return h('section', { class: 'card trainer-tools', 'aria-labelledby': 'lms-export-title', testid: 'lms-export' },
    h('h2', { id: 'lms-export-title' }, t('lms-export-title')),
    h('p', {}, t('lms-export-lead')),
    h('div', { class: 'field' }, h('label', { for: formatId }, t('lms-format-label')), format),
    h('div', { class: 'actions' }, button),
    status);
}
