// The learner's private notes on a lesson or a capsule, under it. A capsule's note keeps the
// time the video was at, and jumps back to it. Notes are the learner's alone: nothing sends
// them anywhere (they are exported from Settings, to a file the learner chooses).

import { call, inApp } from '../lib/api.js';
import { h, clear, announce } from '../lib/dom.js';
import { t, clock } from '../lib/i18n.js';
import { explain } from '../lib/errors.js';

const MAX_NOTE = 10000;

/**
 * The notes panel of an activity. With `video` (the capsule's element), a new note takes the
 * video's time and each note can jump back to its own.
 */
export function notesPanel(moduleId, activityId, video = null) {
  // Notes stay on the learner's laptop: the LMS player has nowhere private to keep them.
  if (!inApp()) return null;
  const list = h('ul', { class: 'notes-list', testid: 'notes-list' });
  const text = h('textarea', { id: 'note-text', rows: '3', maxlength: String(MAX_NOTE), testid: 'note-text' });
  const status = h('p', { class: 'form-status', role: 'status', testid: 'note-status' });
  const add = h('button', { type: 'submit', testid: 'note-add' }, t('note-add'));
  const form = h('form', { class: 'note-form', novalidate: true },
    h('label', { for: 'note-text' }, t('note-label')), text, h('div', { class: 'actions' }, add), status);

  const showAddLabel = () => {
    add.textContent = video ? t('note-add-at', { time: clock(video.currentTime || 0) }) : t('note-add');
  };
  if (video) {
    video.addEventListener('timeupdate', showAddLabel);
    video.addEventListener('seeked', showAddLabel);
  }
  showAddLabel();

  function item(note) {
    const at = note.at_seconds;
    return h('li', { class: 'note', testid: `note-${note.id}` },
      at != null && video
        ? h('button', { type: 'button', class: 'quiet note-time', testid: `note-jump-${note.id}`,
          'aria-label': t('note-jump', { time: clock(at) }),
          onclick: () => { video.currentTime = at; video.focus(); } }, clock(at))
        : null,
      h('p', { class: 'note-text pre' }, note.text),
      h('button', { type: 'button', class: 'quiet', testid: `note-delete-${note.id}`,
        'aria-label': t('note-delete-label', { text: note.text.length > 40 ? `${note.text.slice(0, 40)}…` : note.text }),
        onclick: async () => {
          try {
            await call('delete_note', { id: note.id });
            announce(t('note-deleted'));
            await load();
            text.focus();
          } catch (err) {
            status.textContent = explain(err);
          }
        } }, t('note-delete')));
  }

  async function load() {
    const notes = await call('notes', { module: moduleId, activity: activityId });
    clear(list);
    if (!notes.length) list.append(h('li', { class: 'muted', testid: 'notes-empty' }, t('notes-empty')));
    for (const note of notes) list.append(item(note));
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) {
      status.textContent = t('note-empty');
      text.focus();
      return;
    }
    try {
      const at = video ? video.currentTime || 0 : null;
      await call('add_note', { module: moduleId, activity: activityId, at, text: text.value });
      text.value = '';
      status.textContent = '';
      announce(t('note-added'));
      await load();
    } catch (err) {
      status.textContent = explain(err);
    }
  });

  const panel = h('section', { class: 'card notes', 'aria-labelledby': 'notes-title', testid: 'notes-panel' },
    h('h2', { id: 'notes-title' }, t('notes-title')),
    h('p', { class: 'hint' }, t('notes-hint')),
    list, form);
  load().catch((err) => { status.textContent = explain(err); });
  return panel;
}
