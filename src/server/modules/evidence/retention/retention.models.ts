// Pure rules of evidence retention (uk-rules §5: routine CCTV kept about a month; evidence kept
// until its purpose is discharged). Recordings that are not exhibits are destroyed when their
// class's period ends; an exhibit is kept while anything linked to it is open, then comes up for
// review; a legal hold stops every destruction; nothing in a package is destroyed.

export interface RetentionClassRule { key: string; name: string; days: number }
export interface EvidenceRetention { classes: readonly RetentionClassRule[]; exhibitReviewMonths: number }

const DAY_MS = 86_400_000;

/** `at` plus whole months, on the same day of the month (or that month's last day), in UTC. */
export function addMonths(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export const findClass = (settings: EvidenceRetention, key: string) => settings.classes.find((c) => c.key === key);

/** The rule a recording's routine destruction is recorded under: `routine-31-days`. */
export const classRule = (c: RetentionClassRule) => `${c.key}-${c.days}-days`;

/**
 * When a recording's class period ends: `days` after it came in. Undefined for a class the settings
 * do not have (never destroyed by a guess: it waits until its class is known again).
 */
export function recordingDeleteAt({ ingestedAt, retentionClass, settings }: { ingestedAt: Date; retentionClass: string; settings: EvidenceRetention }): Date | undefined {
  const c = findClass(settings, retentionClass);
  return c ? new Date(ingestedAt.getTime() + c.days * DAY_MS) : undefined;
}

export const isRecordingDue = (args: { ingestedAt: Date; retentionClass: string; settings: EvidenceRetention; now: Date }) => {
  const at = recordingDeleteAt(args);
  return at !== undefined && at.getTime() <= args.now.getTime();
};

/**
 * Something an exhibit is linked to. Occurrences exist now; requests (footage requests, SAR, FOI)
 * and cases will add their kinds here, and their repositories add them to the links read.
 */
export interface Link { kind: 'occurrence' | 'request' | 'case'; reference: string; open: boolean; closedAt: Date | null }

const LINK_WORDS: Record<Link['kind'], string> = { occurrence: 'occurrence', request: 'request', case: 'case' };

/** What stops destruction now: holds, packages and open links. Empty when nothing does. */
export interface Keepers {
  /** Live (unreleased) holds on the item or, for an exhibit, on any of its masters. */
  holds: readonly { reason: string }[];
  /** Packages that hold the exhibit (or, for a recording, its exhibit). */
  packages: readonly string[];
  links: readonly Link[];
}

function keeperReasons({ holds, packages, links }: Keepers): string[] {
  const reasons: string[] = [];
  for (const h of holds) reasons.push(`It is under a legal hold: ${h.reason}`);
  if (packages.length) reasons.push(`It is in disclosure package ${packages.join(', ')}: a package is never left without what it holds.`);
  for (const l of links.filter((x) => x.open)) reasons.push(`It is linked to ${LINK_WORDS[l.kind]} ${l.reference}, which is still open.`);
  return reasons;
}

/**
 * Why a recording may not be destroyed now (empty: it may). A master of an exhibit goes only with
 * its exhibit, on review; its exhibit's packages and links keep it as they keep the exhibit.
 */
export function recordingKeepReasons({ exhibitReference, ...keepers }: Keepers & { exhibitReference: string | null }): string[] {
  const reasons = keeperReasons(keepers);
  if (exhibitReference) reasons.unshift(`It is a master of exhibit ${exhibitReference}: it goes only with the exhibit, on review.`);
  return reasons;
}

/** Why an exhibit may not be destroyed now (empty: it may). */
export function exhibitKeepReasons({ state, ...keepers }: Keepers & { state: string }): string[] {
  if (state === 'destroyed') return ['It has already been destroyed.'];
  const reasons = keeperReasons(keepers);
  if (state === 'awaiting_receipt') reasons.push('It has been handed over and not yet received: record the receipt (or its refusal) first.');
  return reasons;
}

/**
 * When an exhibit comes up for review: never while a link is open (null); otherwise `months` after
 * the later of its making and the last link's closing, and not before the date a "keep" decision set.
 */
export function exhibitReviewDueAt({ createdAt, links, keptUntil, months }: { createdAt: Date; links: readonly Link[]; keptUntil: Date | null; months: number }): Date | null {
  if (links.some((l) => l.open)) return null;
  const base = links.reduce((latest, l) => (l.closedAt && l.closedAt > latest ? l.closedAt : latest), createdAt);
  const due = addMonths(base, months);
  return keptUntil && keptUntil > due ? keptUntil : due;
}

/** A "keep" decision's next review: `months` after the decision. */
export const nextReviewAfterKeep = ({ decidedAt, months }: { decidedAt: Date; months: number }) => addMonths(decidedAt, months);

/** The classes recordings are still in that a change of settings would remove. */
export const classesStillInUse = ({ keys, inUse }: { keys: readonly string[]; inUse: readonly string[] }) => inUse.filter((k) => !keys.includes(k));
