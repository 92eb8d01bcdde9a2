// A message for the next page to show once, in its success banner (a request sent, then its page opened).
let pending: { id: string; text: string } | undefined;

export function setFlash(id: string, text: string) {
  pending = { id, text };
}

/** The message left for this deployment's page (read, then cleared once shown, so that it shows once). */
export const peekFlash = (id: string): string | undefined => (pending?.id === id ? pending.text : undefined);
export function clearFlash(id: string) {
  if (pending?.id === id) pending = undefined;
}
