// Exhibit references as police and courts expect them: the producer's initials and their own
// number, `AB/1`, `AB/2`, … (uk-rules §4.3). A working copy or clip is `AB/3/WC1`, a still
// `AB/3/S1`: renamed and uniquely identifiable, never mistaken for the master. On a disk or in a zip
// the "/" cannot stand, so `AB/3` is `AB_3` and `AB/3/WC1` is `AB_3-WC1`, mapping back one to one.

export const EXHIBIT_REFERENCE = /^([A-Z]{2,4}[0-9]{0,2})\/([1-9][0-9]{0,5})$/;
export const DERIVATIVE_REFERENCE = /^([A-Z]{2,4}[0-9]{0,2})\/([1-9][0-9]{0,5})\/(WC|S)([1-9][0-9]{0,3})$/;

const letters = (word: string) => word.normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase();

/**
 * The initials a producer could use, best first: first letter of the first name and of the
 * surname (with a middle initial where there is one), then the same with the surname's second
 * letter (two John Smiths: JS, then JSM), then numbered (JS2 … JS99), then any three letters
 * from the first initial. The first one no other producer holds is theirs for good.
 */
export function candidateInitials(displayName: string): string[] {
  const words = displayName.split(/[\s-]+/).map(letters).filter(Boolean);
  if (words.length === 0) return candidateInitials('X X');
  const first = words[0];
  const last = words.length > 1 ? words[words.length - 1] : '';
  const middle = words.length > 2 ? words[1][0] : '';
  const base = last ? `${first[0]}${middle}${last[0]}` : (first.slice(0, 2).padEnd(2, 'X'));
  const candidates = [base];
  const longer = last ? `${first[0]}${middle}${last.slice(0, 2)}` : first.slice(0, 3);
  if (longer.length > base.length && longer.length <= 4) candidates.push(longer);
  // Past JS99 (a very large team), any three letters starting with the first initial.
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const spare = [...A].flatMap((x) => [...A].map((y) => `${base[0]}${x}${y}`)).filter((c) => !candidates.includes(c));
  return [...candidates, ...numbered(base), ...spare];
}

const numbered = (base: string) => Array.from({ length: 98 }, (_, i) => `${base}${i + 2}`);

export const formatExhibitReference = ({ initials, number }: { initials: string; number: number }) => `${initials}/${number}`;

export const formatDerivativeReference = ({ exhibitReference, kind, number }: { exhibitReference: string; kind: 'working_copy' | 'clip' | 'still'; number: number }) =>
  `${exhibitReference}/${kind === 'still' ? 'S' : 'WC'}${number}`;

/** The file-system-safe form: `AB/3` → `AB_3`, `AB/3/WC1` → `AB_3-WC1`. */
export function fileSafeReference(reference: string): string {
  const [initials, number, ...rest] = reference.split('/');
  return [`${initials}_${number}`, ...rest].join('-');
}

/** Back from the file-system-safe form; undefined when it is not one. */
export function referenceFromFileSafe(safe: string): string | undefined {
  const m = /^([A-Z]{2,4}[0-9]{0,2})_([1-9][0-9]{0,5})(?:-((?:WC|S)[1-9][0-9]{0,3}))?$/.exec(safe);
  return m ? [m[1], m[2], ...(m[3] ? [m[3]] : [])].join('/') : undefined;
}
