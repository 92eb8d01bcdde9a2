import { REQUEST_READERS, type Walk } from '../../../../../test/support/walk';

// The reports' part of the route × role table (test/support/walk.ts), written by hand: every
// requests reader, in all three forms; partner agencies and everyone else get 404.

export const walk: Walk = {
  'GET /api/v1/requests/reports/timeliness': { allowed: REQUEST_READERS, path: () => '/api/v1/requests/reports/timeliness?from=2026-01&to=2026-03' },
  'GET /api/v1/requests/reports/timeliness.csv': { allowed: REQUEST_READERS, path: () => '/api/v1/requests/reports/timeliness.csv?from=2026-01&to=2026-03' },
  'GET /api/v1/requests/reports/timeliness.pdf': { allowed: REQUEST_READERS, path: () => '/api/v1/requests/reports/timeliness.pdf?from=2026-01&to=2026-03' },
};
