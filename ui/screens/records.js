// For trainers: the Records screen. Export files carried from the laptops (a USB stick) are
// merged into the same report as `dlis merge` (`merge_records`), shown here and saved as
// XLSX, HTML or CSV (`save_records_report`). Behind the trainer PIN.

import { call, openFile, openFiles, saveFile } from '../lib/api.js';
import { h, announce, clear } from '../lib/dom.js';
import { t, language } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';
import { asTrainer } from '../lib/trainer.js';

/**
 * `given`: export files in the route, as a JSON list of paths, or `{files, roster}` (tests, or
 * a link from another screen).
 */
export async function render(ctx, given) {
  const files = ctx.recordFiles || (ctx.recordFiles = []);
  if (given) {
    try {
      const parsed = JSON.parse(given);
      const list = Array.isArray(parsed) ? parsed : (parsed.files || []);
      for (const path of list) if (typeof path === 'string' && !files.includes(path)) files.push(path);
      if (typeof parsed.roster === 'string') ctx.recordRoster = parsed.roster;
    } catch { /* not a list of paths: nothing to add */ }
  }
  const status = h('p', { class: 'form-status', role: 'status', testid: 'records-status' });
  const body = h('div', { testid: 'records-report' });

  async function refresh() {
    clear(body);
    if (files.length === 0) {
      body.append(h('p', { testid: 'records-empty' }, t('records-empty')));
      return;
    }
    const report = await asTrainer(() => call('merge_records', { paths: files, language: language(), roster: ctx.recordRoster || null }));
    body.append(
      h('p', { testid: 'records-files' }, t('records-files', { count: report.files.length })),
      report.refused.length
        ? h('div', { class: 'notice warning', testid: 'records-refused' },
          h('h2', {}, t('records-refused')), h('ul', {}, report.refused.map((r) => h('li', {}, r))))
        : null,
      rowsTable(report.rows),
      itemsTable(report.items),
      h('details', {}, h('summary', {}, t('records-summary')), h('pre', { testid: 'records-summary' }, report.summary)));
  }

  const add = h('button', { type: 'button', class: 'primary', testid: 'records-import', onclick: async () => {
    try {
      const picked = await openFiles([{ name: 'DLIS Learn export', extensions: ['zip'] }]);
      for (const path of picked) if (!files.includes(path)) files.push(path);
      await refresh();
      status.textContent = '';
    } catch (err) {
      status.textContent = explain(err);
      announce(status.textContent, true);
    }
  } }, t('records-import'));
  const rosterState = h('p', { class: 'hint', testid: 'records-roster-state' });
  const showRoster = () => {
    rosterState.textContent = ctx.recordRoster ? t('records-roster-set', { path: ctx.recordRoster }) : t('records-roster-none');
  };
  showRoster();
  const roster = h('button', { type: 'button', testid: 'records-roster', onclick: async () => {
    try {
      const path = await openFile([{ name: 'CSV', extensions: ['csv'] }]);
      if (!path) return;
      await useRoster(path);
    } catch (err) {
      status.textContent = explain(err);
      announce(status.textContent, true);
    }
  } }, t('records-roster'));
  /** Names the learners from `path`; a roster the core refuses is not kept. */
  async function useRoster(path) {
    const before = ctx.recordRoster;
    ctx.recordRoster = path;
    try {
      await refresh();
      status.textContent = '';
    } catch (err) {
      ctx.recordRoster = before;
      status.textContent = explain(err);
      announce(status.textContent, true);
    }
    showRoster();
  }
  const clearList = h('button', { type: 'button', testid: 'records-clear', onclick: async () => {
    files.length = 0;
    ctx.recordRoster = null;
    showRoster();
    await refresh();
    announce(t('records-cleared'));
  } }, t('records-clear'));
  const save = h('button', { type: 'button', testid: 'records-save', onclick: async () => {
    try {
      const out = await saveFile('dlis-report.xlsx', [
        { name: 'Excel', extensions: ['xlsx'] }, { name: 'HTML', extensions: ['html'] }, { name: 'CSV', extensions: ['csv'] }]);
      if (!out) return;
      const written = await asTrainer(() => call('save_records_report',
        { paths: files, language: language(), roster: ctx.recordRoster || null, out }));
      status.textContent = t('records-saved', { path: written[0] });
    } catch (err) {
      status.textContent = explain(err);
    }
    announce(status.textContent);
  } }, t('records-save'));

  const root = h('section', { class: 'screen records', testid: 'records-screen' },
    h('h1', {}, t('records-title')),
    h('p', {}, t('records-screen-lead')),
    h('div', { class: 'actions' }, add, roster, save, clearList),
    rosterState,
    status,
    body);
  try {
    await refresh();
  } catch (err) {
    status.textContent = explain(err);
  }
  return { node: root };
}

function rowsTable(rows) {
  const percent = (s) => (s === null || s === undefined ? '' : `${Math.round(s * 100)} %`);
  const minutes = (s) => t('records-minutes', { minutes: Math.round(s / 60) });
  return h('table', { class: 'data', testid: 'records-rows' },
    h('caption', {}, t('records-rows-caption')),
    h('thead', {}, h('tr', {}, ['records-learner', 'records-name', 'records-module', 'records-completed', 'records-score', 'records-time', 'records-code']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('th', { scope: 'row', class: 'id' }, r.learner_id),
      h('td', {}, r.learner_name || ''),
      h('td', {}, r.module_title || r.module_id),
      h('td', {}, r.completed ? t('records-yes') : t('records-no')),
      h('td', { class: 'n' }, percent(r.best_score_scaled)),
      h('td', { class: 'n' }, minutes(r.time_spent_seconds)),
      h('td', { class: 'id' }, r.attestation_code || '')))));
}

function itemsTable(items) {
  if (items.length === 0) return null;
  const share = (s) => (s === null || s === undefined ? '' : `${Math.round(s * 100)} %`);
  return h('section', { 'aria-labelledby': 'records-items-title' },
    h('h2', { id: 'records-items-title' }, t('records-items-title')),
    h('p', { class: 'hint' }, t('records-items-lead')),
    h('table', { class: 'data', testid: 'records-items' },
      h('thead', {}, h('tr', {}, ['records-question', 'records-learners', 'records-right-first', 'records-discrimination']
        .map((key) => h('th', { scope: 'col' }, t(key))))),
      h('tbody', {}, items.map((i) => h('tr', {},
        h('th', { scope: 'row', class: 'id' }, `${i.quiz_id} / ${i.question_id}`),
        h('td', { class: 'n' }, String(i.learners)),
        h('td', { class: 'n' }, share(i.right_first_time)),
        h('td', { class: 'n' }, i.discrimination === null ? '' : i.discrimination.toFixed(2)))))));
}
