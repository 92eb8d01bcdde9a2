// The idle sign-out follows the person, not the screen. A request is the user's own when it writes,
// or when it reads within a few seconds of their own keyboard or pointer input (or of the page being
// opened); any other (a refetch on a timer, on window focus, after a live update) is sent marked as
// background, and the server does not count it as activity (platform/http/middleware.ts).
//
// When this browser last made a request of the user's own: it puts off the idle sign-out. Only the
// API client calls noteActivity. Shared with other tabs through localStorage, since they use the
// same session.

const STORAGE_KEY = 'vigil.lastActivity';

/** How long after the user's own input a read counts as theirs (a page's data arrives within it). */
export const INPUT_WINDOW_MS = 10_000;

/** Whether a request is the user's own doing (see above); pure, for tests. */
export function isUserRequest({ method, lastInput, now }: { method: string; lastInput: number; now: number }): boolean {
  return method !== 'GET' || now - lastInput <= INPUT_WINDOW_MS;
}

// Opening or reloading the page is the user's doing.
let input = Date.now();

/** When the user last pressed a key or a pointer in this tab. */
export function lastInput(): number {
  return input;
}

if (typeof window !== 'undefined') {
  const noteInput = () => {
    input = Date.now();
  };
  for (const type of ['keydown', 'pointerdown']) window.addEventListener(type, noteInput, { capture: true, passive: true });
}

let last = Date.now();
const listeners = new Set<() => void>();

function stored(): number {
  try {
    return Number(localStorage.getItem(STORAGE_KEY)) || 0;
  } catch {
    return 0;
  }
}

export function noteActivity(at = Date.now()) {
  if (at <= last) return;
  last = at;
  try {
    if (at > stored()) localStorage.setItem(STORAGE_KEY, String(at));
  } catch {
    // Private browsing: other tabs will not hear of it, and this one still counts it.
  }
  for (const listener of listeners) listener();
}

/** The time of the latest request from this tab or any other. */
export function lastActivity(): number {
  return Math.max(last, stored());
}

/** Calls `listener` after a request here, or in another tab; returns the way to stop. */
export function onActivity(listener: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) listener();
  };
  listeners.add(listener);
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}
