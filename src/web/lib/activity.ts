// When this browser last made an API request: the server counts any request as activity for the
// idle sign-out. Only the API client calls noteActivity. Shared with other tabs through localStorage,
// since they use the same session.

const STORAGE_KEY = 'vigil.lastActivity';

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
