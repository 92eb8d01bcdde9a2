// The penalty-charge engine's reference data: dated rows, never constants (uk-rules §7.1, §7.2).
// The database holds them (migration 0030 seeds the defaults below); these functions pick the row
// in force on a day. One engine for parking PCNs and (later) bus-lane PCNs.

export const REGIMES = ['parking', 'bus_lane'] as const;
export type Regime = (typeof REGIMES)[number];
export const AREA_KINDS = ['england_outside_london', 'london'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const CHARGE_BANDS = { ogl_band_1: 'England outside London, band 1', ogl_band_2: 'England outside London, band 2', london_a: 'London band A', london_b: 'London band B' } as const;
export type ChargeBand = keyof typeof CHARGE_BANDS;
export const CHARGE_LEVELS = { higher: 'Higher level', lower: 'Lower level' } as const;
export type ChargeLevel = keyof typeof CHARGE_LEVELS;

/** A charge for one band and level, in force from one day (inclusive) until another (inclusive) or open. */
export interface ChargeRow {
  band: ChargeBand; level: ChargeLevel; amountPence: number;
  /** 50: the discount is half the charge. */
  discountPercent: number;
  /** 50: a charge certificate adds half. */
  surchargePercent: number;
  effectiveFrom: string; effectiveTo: string | null;
}

export interface ContraventionCodeRow {
  code: string; regime: Regime; description: string; level: ChargeLevel;
  /** Local policy: how long an officer watches before issuing. */
  observationMinutes: number;
  /** The statutory 10-minute grace period (designated parking places, overstays: not yellow lines, not where no payment was made). */
  graceApplies: boolean;
  effectiveFrom: string; effectiveTo: string | null;
}

export const GRACE_MINUTES = 10;

const inForce = (r: { effectiveFrom: string; effectiveTo: string | null }, day: string) => r.effectiveFrom <= day && (r.effectiveTo === null || day <= r.effectiveTo);

export function chargeInForce(rows: readonly ChargeRow[], band: ChargeBand, level: ChargeLevel, day: string): ChargeRow | undefined {
  return rows.filter((r) => r.band === band && r.level === level && inForce(r, day)).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

export function codeInForce(rows: readonly ContraventionCodeRow[], code: string, day: string): ContraventionCodeRow | undefined {
  return rows.filter((r) => r.code === code && inForce(r, day)).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
}

/** The discounted amount: the charge less its discount, in whole pence. */
export const discountedPence = (c: Pick<ChargeRow, 'amountPence' | 'discountPercent'>) => Math.round((c.amountPence * (100 - c.discountPercent)) / 100);

/** The observation needed before a PCN for this code may be issued, in minutes (the code's period, plus the grace period where it applies). */
export const observationNeededMinutes = (c: Pick<ContraventionCodeRow, 'observationMinutes' | 'graceApplies'>) => c.observationMinutes + (c.graceApplies ? GRACE_MINUTES : 0);

/** Refuses an observation shorter than the code needs: a message to show, or undefined where it is long enough. */
export function observationProblem(c: Pick<ContraventionCodeRow, 'code' | 'observationMinutes' | 'graceApplies'>, from: Date, to: Date): string | undefined {
  const ms = to.getTime() - from.getTime();
  if (ms < 0) return 'The observation cannot end before it began';
  const needed = observationNeededMinutes(c);
  if (ms < needed * 60_000) {
    const watched = Math.floor(ms / 60_000);
    const why = c.graceApplies ? `${c.observationMinutes} minutes' observation plus the 10-minute grace period` : `${c.observationMinutes} minutes' observation`;
    return `Code ${c.code} needs ${why} (${needed} minutes); the vehicle was observed for ${watched} minute${watched === 1 ? '' : 's'}`;
  }
  return undefined;
}

// ---- The defaults the migration seeds (uk-rules §7.1, §7.2; observation minutes are local policy) ----

/** Civil parking enforcement under TMA 2004 Part 6 began on 31 March 2008 (❓ the band values' own start is not in uk-rules). */
const TMA = '2008-03-31';
const row = (band: ChargeBand, level: ChargeLevel, pounds: number, effectiveFrom: string): ChargeRow => ({ band, level, amountPence: pounds * 100, discountPercent: 50, surchargePercent: 50, effectiveFrom, effectiveTo: null });
export const DEFAULT_CHARGES: readonly ChargeRow[] = [
  row('ogl_band_1', 'higher', 70, TMA), row('ogl_band_1', 'lower', 50, TMA),
  row('ogl_band_2', 'higher', 60, TMA), row('ogl_band_2', 'lower', 40, TMA),
  row('london_a', 'higher', 160, '2025-04-07'), row('london_a', 'lower', 110, '2025-04-07'),
  row('london_b', 'higher', 140, '2025-04-07'), row('london_b', 'lower', 90, '2025-04-07'),
];

const code = (c: string, description: string, level: ChargeLevel, observationMinutes: number, graceApplies = false): ContraventionCodeRow =>
  ({ code: c, regime: 'parking', description, level, observationMinutes, graceApplies, effectiveFrom: TMA, effectiveTo: null });
export const DEFAULT_CODES: readonly ContraventionCodeRow[] = [
  code('01', 'Parked in a restricted street during prescribed hours', 'higher', 5),
  code('02', 'Parked or loading/unloading in a restricted street where waiting and loading/unloading restrictions are in force', 'higher', 0),
  code('05', 'Parked after the expiry of paid for time', 'lower', 0, true),
  code('06', 'Parked without clearly displaying a valid pay & display ticket or voucher', 'lower', 5),
  code('11', 'Parked without payment of the parking charge', 'lower', 5),
  code('12', 'Parked in a residents’ or shared use parking place without clearly displaying a valid permit, voucher or pay and display ticket, or without payment', 'higher', 5),
  code('16', 'Parked in a permit space without displaying a valid permit', 'higher', 5),
  code('19', 'Parked in a residents’ or shared use parking place displaying an invalid permit, voucher or ticket, or after the expiry of paid for time', 'lower', 5, true),
  code('21', 'Parked in a suspended bay or space', 'higher', 0),
  code('22', 'Re-parked in the same parking place or zone within the no-return period', 'lower', 0),
  code('23', 'Parked in a parking place or area not designated for that class of vehicle', 'higher', 0),
  code('24', 'Not parked correctly within the markings of the bay or space', 'lower', 0),
  code('25', 'Parked in a loading place during restricted hours without loading', 'higher', 5),
  code('26', 'Parked more than 50 cm from the edge of the carriageway and not within a designated parking place', 'higher', 0),
  code('27', 'Parked adjacent to a dropped footway', 'higher', 0),
  code('30', 'Parked for longer than permitted', 'lower', 0, true),
  code('40', 'Parked in a designated disabled person’s parking place without displaying a valid disabled person’s badge', 'higher', 0),
  code('45', 'Parked on a taxi rank', 'higher', 0),
  code('47', 'Stopped on a restricted bus stop or stand', 'higher', 0),
  code('48', 'Stopped in a restricted area outside a school when prohibited', 'higher', 0),
  code('62', 'Parked with one or more wheels on or over a footpath or any part of a road other than a carriageway', 'higher', 0),
  code('99', 'Stopped on a pedestrian crossing or crossing area marked by zig-zags', 'higher', 0),
  code('73', 'Parked without payment of the parking charge (car park)', 'lower', 5),
  code('82', 'Parked after the expiry of paid for time (car park)', 'lower', 0, true),
  code('83', 'Parked without clearly displaying a valid pay & display ticket (car park)', 'lower', 5),
  code('87', 'Parked in a disabled person’s parking space without clearly displaying a valid disabled person’s badge (car park)', 'higher', 0),
];
