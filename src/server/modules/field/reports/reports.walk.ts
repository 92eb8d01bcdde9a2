import { randomUUID } from 'node:crypto';
import { FIELD_LEADERS, FIELD_USERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser, uniq } from '../../../../../test/support/deps';
import * as repo from './reports.repository';
import { applyDefectReport } from './reports.handlers';

// Reports' part of the route × role table, written by hand.

export async function fieldActor({ deps, councilOrgId }: Pick<WalkCtx, 'deps' | 'councilOrgId'>, role: 'patrol_officer' | 'patrol_leader' = 'patrol_officer') {
  const u = await makeUser(deps, { roles: [role], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

const code = () => uniq('walk').toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 40);

export async function aDefectCategory({ deps }: Pick<WalkCtx, 'deps'>, over: { team?: string; validFrom?: string } = {}) {
  const c = code();
  await repo.insertDefectCategory(deps.db, { code: c, label: `Walk defect ${c}`, team: over.team ?? 'Highways', team_email: null, valid_from: over.validFrom ?? '2020-01-01', sort_order: 1 });
  return c;
}

export async function aDefect(ctx: Pick<WalkCtx, 'deps' | 'councilOrgId'>) {
  const category = await aDefectCategory(ctx);
  return applyDefectReport(ctx.deps, { actor: await fieldActor(ctx), deviceId: randomUUID(), recordId: randomUUID() }, {
    defectId: randomUUID(), patrolId: null, at: new Date(Date.now() - 60_000), category, point: { lat: 52.6, lon: -1.1, accuracyM: 5 }, place: 'Walk Street', description: 'Walk defect', photoIds: [],
  });
}

export const walk: Walk = {
  'GET /api/v1/field/reports/reference': { allowed: FIELD_USERS },
  'GET /api/v1/field/machines': { allowed: FIELD_LEADERS },
  'POST /api/v1/field/machines': { allowed: FIELD_LEADERS, body: () => ({ reference: uniq('WALK-M').slice(0, 50), name: 'Walk machine', carPark: 'Walk car park', lat: 52.6, lon: -1.1 }) },
  'GET /api/v1/field/inspections': { allowed: FIELD_LEADERS, path: () => '/api/v1/field/inspections?failed=yes&sort=at_asc' },
  'GET /api/v1/field/inspections.csv': { allowed: FIELD_LEADERS },
  'GET /api/v1/field/defects': { allowed: FIELD_LEADERS, path: () => '/api/v1/field/defects?status=passed_to_team' },
  'GET /api/v1/field/defects.csv': { allowed: FIELD_LEADERS },
  'POST /api/v1/field/defects/:id/status': {
    allowed: FIELD_LEADERS,
    path: async (ctx) => `/api/v1/field/defects/${(await aDefect(ctx)).id}/status`,
    body: () => ({ status: 'acknowledged', note: 'Highways have it' }),
  },
  'GET /api/v1/field/asb-reports': { allowed: FIELD_LEADERS, path: () => '/api/v1/field/asb-reports?passTo=team' },
  'GET /api/v1/field/asb-reports.csv': { allowed: FIELD_LEADERS },
  'GET /api/v1/field/report-categories': { allowed: FIELD_LEADERS },
  'POST /api/v1/field/defect-categories': { allowed: FIELD_LEADERS, body: () => ({ code: code(), label: 'Walk category', team: 'Parks', teamEmail: null, validFrom: '2026-01-01' }) },
  'POST /api/v1/field/asb-categories': { allowed: FIELD_LEADERS, body: () => ({ code: code(), label: 'Walk ASB' }) },
};
