// PCN numbers as handhelds print them: the council's 2- or 3-letter prefix, an 8-digit serial and a
// check character, `HF12345678X`-style (uk-rules §7.4: no national check-digit algorithm exists, so
// the strategy is the council's; ours is the weighted modulus 11 of ISBN-10 over the prefix's letter
// values and the serial, 0–9 or X). Each device issues from its own block of serials, allocated by
// the server while it has signal, so two officers offline never print the same number.

export const PCN_NUMBER = /^([A-Z]{2,3})([0-9]{8})([0-9X])$/;
export const PCN_SERIAL_MAX = 99_999_999;

const letterValue = (c: string) => c.charCodeAt(0) - 55; // A=10 … Z=35

/** The check character for a prefix and serial. */
export function pcnCheckCharacter(prefix: string, serial: number): string {
  const digits = [...prefix].map(letterValue).concat([...String(serial).padStart(8, '0')].map(Number));
  // Weights 10 … 1 from the left, ending 1 at the check's side (a 3-letter prefix's first letter: 1 again).
  const sum = digits.reduce((s, d, i) => s + d * (((digits.length - 1 - i) % 10) + 1), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

export function formatPcnNumber(prefix: string, serial: number): string {
  if (!/^[A-Z]{2,3}$/.test(prefix)) throw new Error(`A PCN prefix is 2 or 3 capital letters, not "${prefix}"`);
  if (!Number.isInteger(serial) || serial < 1 || serial > PCN_SERIAL_MAX) throw new Error(`A PCN serial is 1 to ${PCN_SERIAL_MAX}`);
  return `${prefix}${String(serial).padStart(8, '0')}${pcnCheckCharacter(prefix, serial)}`;
}

/** The prefix and serial of a well-formed number whose check character is right; undefined otherwise. */
export function parsePcnNumber(number: string): { prefix: string; serial: number } | undefined {
  const m = PCN_NUMBER.exec(number.trim().toUpperCase());
  if (!m) return undefined;
  const serial = Number(m[2]);
  if (serial < 1 || pcnCheckCharacter(m[1], serial) !== m[3]) return undefined;
  return { prefix: m[1], serial };
}
