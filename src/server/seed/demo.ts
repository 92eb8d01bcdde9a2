import { sql } from 'kysely';
import type { Deps } from '../platform/deps';
import { connect } from '../platform/db/db';
import { recordAudit, SYSTEM_ACTOR } from '../platform/audit/audit';
import { putSetting } from '../platform/auth/auth.repository';
import { MFA_ROLES_KEY } from '../platform/auth/auth.usecases';
import type { Role } from '../platform/auth/permissions';
import type { DemoCouncil } from '../platform/modules';
import { createUser } from '../modules/users';
import { MODULES } from '../modules/registry';

// The demo council: Burton upon Trent town centre (East Staffordshire), so that the real
// Staffordshire Police street-level crime data in shared/data/police falls inside its area.
// The platform seeds the council, its partners and its people; then each module in the registry
// adds its own recent history (VigilModule.seedDemo), in registry order.

export const DEMO_AREA = {
  name: 'Burton upon Trent town centre',
  centre: { lat: 52.8027, lon: -1.6336 },
  // south-west and north-east corners (WGS84)
  bounds: { south: 52.7905, west: -1.6520, north: 52.8135, east: -1.6150 },
  streets: ['High Street', 'Station Street', 'Union Street', 'New Street', 'Guild Street', 'Horninglow Street', 'Lichfield Street', 'Borough Road', 'King Edward Place', 'Market Place', 'Cross Street', 'Wetmore Road'],
};

const ORGANISATIONS = [
  { key: 'council', name: 'Demo Borough Council', kind: 'council', is_external: false },
  { key: 'police', name: 'Staffordshire Police', kind: 'police', is_external: true },
  { key: 'insurer', name: 'Midland Mutual Insurance', kind: 'insurer', is_external: true },
  { key: 'contractor', name: 'Trent Valley Security Systems Ltd', kind: 'contractor', is_external: true },
] as const;

const TEAMS = [
  { key: 'control', name: 'CCTV Control Room', description: 'Public-space CCTV monitoring, 24/7.' },
  { key: 'enforcement', name: 'CCTV Enforcement', description: 'Mobile cameras, evidence and information requests.' },
  { key: 'community', name: 'Community Protection', description: 'Patrols, PCNs and fixed penalty notices.' },
  { key: 'ooh', name: 'Out of Hours Service', description: 'Emergency calls, lone workers and alarms out of hours.' },
  { key: 'safety', name: 'Community Safety Partnership', description: 'CCTV coordination, compliance and reporting.' },
] as const;

type OrgKey = (typeof ORGANISATIONS)[number]['key'];
type TeamKey = (typeof TEAMS)[number]['key'];

export const DEMO_USERS: { username: string; displayName: string; role: Role; org: OrgKey; team?: TeamKey }[] = [
  { username: 'admin', displayName: 'Alex Morgan', role: 'admin', org: 'council' },
  { username: 'operator', displayName: 'Priya Shah', role: 'operator', org: 'council', team: 'control' },
  { username: 'operator2', displayName: 'Sam Carter', role: 'operator', org: 'council', team: 'control' },
  { username: 'supervisor', displayName: 'Dave Hollins', role: 'supervisor', org: 'council', team: 'control' },
  { username: 'enforcement', displayName: 'Kerry Walsh', role: 'enforcement_officer', org: 'council', team: 'enforcement' },
  { username: 'coordinator', displayName: 'Martin Okafor', role: 'coordinator', org: 'council', team: 'safety' },
  { username: 'ooh', displayName: 'Lisa Brennan', role: 'ooh_officer', org: 'council', team: 'ooh' },
  { username: 'patrol', displayName: 'Tom Fielding', role: 'patrol_officer', org: 'council', team: 'community' },
  { username: 'patrol2', displayName: 'Aisha Rahman', role: 'patrol_officer', org: 'council', team: 'community' },
  { username: 'teamleader', displayName: 'Gareth Lewis', role: 'patrol_leader', org: 'council', team: 'community' },
  { username: 'auditor', displayName: 'Helen Price', role: 'auditor', org: 'council' },
  { username: 'contractor', displayName: 'Gary Newton', role: 'contractor', org: 'contractor' },
  { username: 'police', displayName: 'PC 4471 Jordan Ellis', role: 'agency', org: 'police' },
  { username: 'insurer', displayName: 'Ruth Adeyemi', role: 'agency', org: 'insurer' },
];

export async function isEmpty(deps: Deps) {
  const r = await deps.db.selectFrom('users').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(r.n) === 0;
}

/** Seeds the demo council into an empty database. Returns the users with their one-time passwords. */
export async function seedDemo(deps: Deps) {
  const now = deps.clock.now();
  const orgIds = {} as Record<OrgKey, string>;
  const teamIds = {} as Record<TeamKey, string>;
  await deps.db.transaction().execute(async (trx) => {
    for (const o of ORGANISATIONS) {
      const { id } = await trx.insertInto('organisations').values({ name: o.name, kind: o.kind, is_external: o.is_external }).returning('id').executeTakeFirstOrThrow();
      orgIds[o.key] = id;
    }
    for (const t of TEAMS) {
      const { id } = await trx.insertInto('teams').values({ name: t.name, description: t.description }).returning('id').executeTakeFirstOrThrow();
      teamIds[t.key] = id;
    }
    // The demo leaves MFA optional so that a first look is quick; production keeps the default.
    await putSetting(trx, { key: MFA_ROLES_KEY, value: [], userId: null, now });
    await putSetting(trx, { key: 'council.area', value: DEMO_AREA, userId: null, now });
    await recordAudit(trx, SYSTEM_ACTOR, { action: 'demo.seeded', details: { organisations: ORGANISATIONS.length, teams: TEAMS.length } });
  });
  const created: { username: string; displayName: string; role: Role; oneTimePassword: string; id: string }[] = [];
  for (const u of DEMO_USERS) {
    const r = await createUser(deps, { actor: SYSTEM_ACTOR, input: { username: u.username, displayName: u.displayName, organisationId: orgIds[u.org], teamId: u.team ? teamIds[u.team] : null, roles: [u.role], email: `${u.username}@demo-council.example` } });
    created.push({ username: u.username, displayName: u.displayName, role: u.role, oneTimePassword: r.oneTimePassword, id: r.user.id });
  }
  const council: DemoCouncil = {
    organisations: orgIds, teams: teamIds, area: DEMO_AREA,
    users: Object.fromEntries(created.map((u) => [u.username, { id: u.id, username: u.username, role: u.role }])),
  };
  const counts: Record<string, number> = {};
  for (const m of MODULES) {
    const added = await m.seedDemo?.(deps, council);
    if (added) Object.assign(counts, added);
  }
  return { users: created, organisations: orgIds, teams: teamIds, counts };
}

/** Empties the database (all Vigil tables and the job queue) so that migrations and the seed run anew. */
/** Drops everything, as the owner (the application's role owns nothing it could drop). */
export async function wipeDatabase(ownerUrl: string) {
  const owner = connect({ url: ownerUrl, max: 1, applicationName: `vigil-cli-owner-${process.pid}` });
  try {
    await sql`drop schema if exists pgboss cascade`.execute(owner.db);
    await sql`drop schema public cascade`.execute(owner.db);
    await sql`create schema public`.execute(owner.db);
  } finally {
    await owner.close();
  }
}
