import { CAMERA_CAPABILITIES, CAMERA_KINDS, CAMERA_OWNERS, CAMERA_STATUSES } from '../../../domain/estate/contract';
import { labelOf } from '../../../domain/labels';
import { formatUkDay } from '../../../domain/calendar/london';

// A register field's value in words, for the entry and for its history's "from ... to ...".

const UNITS: Record<string, string> = { bearing: '°', fieldOfView: '°', range: ' m', mountingHeight: ' m' };
const VOCABULARIES: Record<string, Record<string, string>> = { kind: CAMERA_KINDS, status: CAMERA_STATUSES, owner: CAMERA_OWNERS, capabilities: CAMERA_CAPABILITIES };

export function fieldValue(field: string, value: string | number | readonly string[] | null | undefined): string {
  if (value === null || value === undefined || value === '') return 'Not recorded';
  const words = VOCABULARIES[field];
  if (Array.isArray(value)) return value.length ? value.map((v) => (words ? labelOf(words, v) : v)).join(', ') : 'None';
  if (typeof value === 'number') return `${value}${UNITS[field] ?? ''}`;
  if (field === 'installedOn') return formatUkDay(value as string);
  return words ? labelOf(words, value as string) : (value as string);
}
