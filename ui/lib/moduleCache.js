// The `module` command's view, kept for the screens of one module (lesson, capsule, quiz).

import { call } from './api.js';

let cached = null;

export async function loadModule(id, { fresh = false } = {}) {
  if (!fresh && cached && cached.manifest.id === id) return cached;
  cached = await call('module', { id });
  return cached;
}

/** Keeps the progress a `record` call returned. */
export function updateProgress(progress) {
  if (cached && progress && cached.manifest.id === progress.module_id) cached.progress = progress;
}

export function activityProgress(view, activityId) {
  return view.progress.activities.find((a) => (a.id || (a.kind === 'quiz' && a.id)) === activityId);
}
