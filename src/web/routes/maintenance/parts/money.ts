// Money on the maintenance pages: integer pence shown as £1,234.56, and pounds as typed read back to pence.

const GBP = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 123456 → "£1,234.56". */
export const formatPence = (pence: number): string => GBP.format(pence / 100);

/**
 * Pounds as typed ("12", "£1,234.5", "0.99") → whole pence; undefined when it is not an amount of
 * pounds and pence (letters, more than two decimal places, negative).
 */
export function parsePounds(text: string): number | undefined {
  const t = text.trim().replace(/^£/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return undefined;
  const [whole, fraction = ''] = t.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A count as typed ("12", " 3 ") → the number; undefined for anything but digits (blank, "2.5", "-1", "ten"). */
export const parseWholeNumber = (text: string): number | undefined => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined);
