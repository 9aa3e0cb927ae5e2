// On a completed module's page, in the app: the learner saves their attestation of training
// as a PDF (`save_attestation`, the core's `dlis::attestation`), in their language, with its
// verification code.

import { call, saveFile } from '../lib/api.js';
import { h, announce } from '../lib/dom.js';
import { t } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';

/** The texts of the PDF, in the interface language. */
function labels() {
  const ids = ['title', 'attests', 'completed-module', 'issued-by', 'completed-on', 'time-spent', 'minutes', 'score',
    'objectives', 'code', 'note'];
  return Object.fromEntries(ids.map((id) => [id.replaceAll('-', '_'), t(`attestation-${id}`)]));
}

export function attestationButton(manifest) {
  const status = h('p', { class: 'form-status', role: 'status', testid: 'attestation-status' });
  const button = h('button', { type: 'button', testid: 'attestation-save', onclick: async () => {
    try {
      const path = await saveFile(`${t('attestation-file-name')} ${manifest.id}.pdf`, [{ name: 'PDF', extensions: ['pdf'] }]);
      if (!path) return;
      const code = await call('save_attestation', { module: manifest.id, path, labels: labels() });
      status.textContent = t('attestation-saved', { path, code });
    } catch (err) {
      status.textContent = explain(err);
    }
    announce(status.textContent);
  } }, t('attestation-button'));
  return h('div', { class: 'attestation' }, h('div', { class: 'actions' }, button), status);
}

