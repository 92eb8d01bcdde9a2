import { useState } from 'react';

/** The success banner of a page with several forms: each message shown anew (and announced) even when the words repeat. */
export function useBanner() {
  const [banner, setBanner] = useState<{ text: string; n: number }>();
  const done = (text: string) => setBanner((b) => ({ text, n: (b?.n ?? 0) + 1 }));
  return { banner, done };
}
