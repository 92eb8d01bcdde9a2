import { useState } from 'react';

/**
 * The success banner of a page with several forms: each message shown anew (and announced) even when
 * the words repeat. `first` gives what it says on opening (a message left by the page before), if anything.
 */
export function useBanner(first?: () => string | undefined) {
  const [banner, setBanner] = useState<{ text: string; n: number } | undefined>(() => {
    const text = first?.();
    return text ? { text, n: 0 } : undefined;
  });
  const done = (text: string) => setBanner((b) => ({ text, n: (b?.n ?? 0) + 1 }));
  return { banner, done };
}
