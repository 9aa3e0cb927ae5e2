// The app's API, as the page sees it: every call goes through `call`, which turns a failed
// command into an `ApiError` carrying the plain-words message from the Rust side and, for the
// errors the page explains in its own words, their kind (`CommandError` in commands.rs).

const tauri = () => window.__TAURI__;

/** The commands' answerer in the LMS player (ui/lms/backend.js); the app's Rust side otherwise. */
let backend = null;

/** Answers every command with `call(command, args)` instead of the app (the LMS player). */
export function useBackend(call) {
  backend = call;
}

/** Whether the page runs in the desktop app, with all it offers (notes, files, settings). */
export function inApp() {
  return backend === null;
}

export class ApiError extends Error {
  constructor(message, kind = null) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
  }
}

/** Calls a command of src-tauri/src/commands.rs; `args` use camelCase names. */
export async function call(command, args = {}) {
  if (backend) return backend(command, args);
  try {
    return await tauri().core.invoke(command, args);
  } catch (err) {
    const message = typeof err === 'string' ? err : (err && err.message) || String(err);
    throw new ApiError(message, (err && typeof err.kind === 'string') ? err.kind : null);
  }
}

/** Listens to an app event; returns a function that stops listening. */
export async function listen(event, handler) {
  return tauri().event.listen(event, (e) => handler(e.payload));
}

/** Records a learning event (see `Event` in src/store/tracking.rs); returns the module's progress. */
export function record(module, event) {
  return call('record', { module, event });
}

/** The file dialog: the plugin's global API when it is exposed, its command otherwise. */
export async function openFile(filters) {
  const options = { multiple: false, directory: false, filters };
  const dialog = tauri().dialog;
  const picked = dialog && dialog.open ? await dialog.open(options) : await call('plugin:dialog|open', { options });
  return pathOf(picked);
}

/** The file dialog for several files; an empty list when none is chosen. */
export async function openFiles(filters) {
  const options = { multiple: true, directory: false, filters };
  const dialog = tauri().dialog;
  const picked = dialog && dialog.open ? await dialog.open(options) : await call('plugin:dialog|open', { options });
  if (!picked) return [];
  return (Array.isArray(picked) ? picked : [picked]).map((p) => (typeof p === 'object' ? p.path : p)).filter(Boolean);
}

export async function saveFile(defaultPath, filters) {
  const options = { defaultPath, filters };
  const dialog = tauri().dialog;
  const picked = dialog && dialog.save ? await dialog.save(options) : await call('plugin:dialog|save', { options });
  return pathOf(picked);
}

function pathOf(picked) {
  if (!picked) return null;
  if (Array.isArray(picked)) return pathOf(picked[0]);
  if (typeof picked === 'object') return picked.path || null;
  return picked;
}
