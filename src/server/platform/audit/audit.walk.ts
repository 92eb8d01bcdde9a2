import { AUDITORS, type Walk } from '../../../../test/support/walk';

export const walk: Walk = {
  'GET /api/v1/audit/events': { allowed: AUDITORS, path: () => '/api/v1/audit/events?action=user.&pageSize=5' },
  'GET /api/v1/audit/events.csv': { allowed: AUDITORS, path: () => '/api/v1/audit/events.csv?action=user.created' },
  'GET /api/v1/audit/verify': { allowed: AUDITORS },
};
