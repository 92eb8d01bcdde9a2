import { randomInt } from 'node:crypto';
import { ADMINS, type Walk } from '../../../../../test/support/walk';
import { DEFAULT_CLOCK_POLICY } from '../../../../domain/deadlines/policy';

// The clock policy's part of the route × role table: read by anyone signed in, set by administrators.

/** A day far from any real one (and from earlier runs' on a kept database), so a version the walk sets never reaches a real request. */
const aFreeDay = () => { const n = randomInt(800 * 336); return `${2100 + Math.floor(n / 336)}-${String((n % 12) + 1).padStart(2, '0')}-${String((Math.floor(n / 12) % 28) + 1).padStart(2, '0')}`; };

export const walk: Walk = {
  'GET /api/v1/requests/clock-policy': { allowed: 'signed-in' },
  'POST /api/v1/requests/clock-policy': { allowed: ADMINS, body: () => ({ effectiveFrom: aFreeDay(), policy: DEFAULT_CLOCK_POLICY }) },
};
