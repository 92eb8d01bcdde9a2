import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

// Europe/London wall-clock time. Instants are stored in UTC; people live by the clock on the wall,
// which is an hour ahead from late March to late October.

export const LONDON = 'Europe/London';

/** The instant as a London date: date-fns functions on it (startOfDay, set, addDays, getDay) work in London time. */
export const inLondon = (at: Date | number): TZDate => new TZDate(at instanceof Date ? at.getTime() : at, LONDON);

/** "3 February 2026": the London calendar day of an instant. */
export const formatLondonDay = (at: Date): string => format(inLondon(at), 'd MMMM yyyy');
