import { describe, expect, it } from 'vitest';
import { makeUser, sealed, testClock, testDeps } from '../../../../../test/support/deps';
import { importRegister, type ImportActor } from './import.usecases';
import { aRegister } from './import.fixtures';
import { gridToWgs84 } from '../../../../domain/estate/import/coordinates';
import { CameraFilter, RegisterCamera } from '../../../../domain/estate/contract';
import { registerCamera } from '../estate.usecases';
import { allCameraRows } from '../estate.repository';
import { toCameraDto } from '../estate.models';
import { registerCsv } from '../register/register.exports';
import * as deployments from '../deployments/deployments.usecases';
import { RequestDeployment } from '../../../../domain/estate/deployments';
import { TINY_PNG } from '../deployments/deployments.walk';
import { londonDay } from '../../../../domain/calendar/london';

// The register import on a real PostgreSQL: nothing written on a dry run or while any row is bad,
// the same file twice adds nothing, a renumbering waits for the user and keeps the camera's history.

const clock = testClock(new Date('2026-03-04T09:15:00Z'));
const deps = testDeps({ clock });

async function aCoordinator(): Promise<ImportActor> {
  const u = await makeUser(deps, { roles: ['coordinator'] });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: '192.0.2.1', userAgent: 'test' }, userId: u.id };
}

const camerasOf = (prefix: string) => deps.db.selectFrom('cameras').selectAll().where('reference', 'like', `${prefix}-%`).orderBy('reference').execute();
const versionsOf = (prefix: string) => deps.db.selectFrom('camera_versions as v').innerJoin('cameras as c', 'c.id', 'v.camera_id')
  .select(['c.reference', 'v.version', 'v.reason', 'v.changed_by', 'v.valid_from', 'v.entry']).where('c.reference', 'like', `${prefix}-%`).orderBy('c.reference').orderBy('v.version').execute();

describe('importRegister', () => {
  it('a dry run of good and bad rows imports nothing and lists every bad row with its line and reason; a real run refuses it whole', async () => {
    const actor = await aCoordinator();
    const r = aRegister();
    const p = (i: number) => `${r.at(i).longitude},${r.at(i).latitude}`;
    const csv = r.csv('Camera No,Name,Longitude,Latitude,Type', [
      `${r.number(1)},"Market Place, east",${p(1)},ptz`, // 2
      `,No number,${p(2)},fixed`, // 3
      `${r.number(3)},Bad kind,${p(3)},tripod`, // 4
      `${r.number(4)},"Two`, `lines",${r.at(4).latitude},${r.at(4).longitude},fixed`, // 5-6: swapped
      `${r.number(1)},Again,${p(5)},fixed`, // 7
    ]);
    const dry = await importRegister(deps, { actor, input: { csv, fileName: 'register.csv', dryRun: true } });
    expect(dry.outcome).toBe('dry_run');
    expect(dry.refused.map((x) => [x.line, x.reasons.join('; ')])).toEqual([
      [2, `duplicate camera number ${r.number(1)} (also on line 7)`],
      [3, 'missing camera number'],
      [4, expect.stringMatching(/^unknown kind "tripod"/)],
      [5, expect.stringMatching(/^latitude and longitude swapped\?/)],
      [7, `duplicate camera number ${r.number(1)} (also on line 2)`],
    ]);
    expect(dry.counts).toMatchObject({ added: 0, refused: 5 });
    const real = await importRegister(deps, { actor, input: { csv, fileName: 'register.csv', dryRun: false } });
    expect(real.outcome).toBe('refused');
    expect(real.refused).toEqual(dry.refused);
    expect(await camerasOf(r.prefix)).toEqual([]);

    const clean = r.csv('Camera No,Name,Longitude,Latitude,Type', [`${r.number(1)},"Market Place, east",${p(1)},ptz`, `${r.number(2)},Station,${p(2)},fixed`]);
    const dryClean = await importRegister(deps, { actor, input: { csv: clean, dryRun: true } });
    expect(dryClean.added.map((a) => a.number)).toEqual([r.number(1), r.number(2)]);
    expect(await camerasOf(r.prefix)).toEqual([]);
  });

  it('the same file twice creates nothing new; a changed row updates the camera with who, when and why', async () => {
    const actor = await aCoordinator();
    const r = aRegister();
    const file = (bearing: number) => r.csv('id,name,location,lon,lat,bearing,status,capabilities,install date', [
      `${r.number(1)},Market Place,"Market Place, by the cross",${r.at(1).longitude}00000001,${r.at(1).latitude},${bearing},operational,"pan, tilt, zoom",23/04/2019`,
      `${r.number(2)},Station,Station Street,${r.at(2).longitude},${r.at(2).latitude},,faulty,,`,
    ]);
    const first = await importRegister(deps, { actor, input: { csv: file(90), fileName: 'C:\\registers\\cctv.csv', dryRun: false } });
    expect(first.counts).toEqual({ added: 2, updated: 0, unchanged: 0, flagged: 0, refused: 0 });
    const cams = await camerasOf(r.prefix);
    expect(cams.map((c) => [c.reference, c.bearing_deg, c.status, c.capabilities, c.longitude, c.installed_on === null])).toEqual([
      [r.number(1), 90, 'operational', ['pan', 'tilt', 'zoom'], r.at(1).longitude, false], [r.number(2), null, 'faulty', [], r.at(2).longitude, true],
    ]);

    const again = await importRegister(deps, { actor, input: { csv: file(90), fileName: 'cctv.csv', dryRun: false } });
    expect(again.counts).toEqual({ added: 0, updated: 0, unchanged: 2, flagged: 0, refused: 0 });
    expect((await camerasOf(r.prefix)).map((c) => c.id)).toEqual(cams.map((c) => c.id));
    expect((await versionsOf(r.prefix)).length).toBe(2);

    clock.advance(3600_000);
    const changed = await importRegister(deps, { actor, input: { csv: file(135), fileName: 'cctv.csv', dryRun: false } });
    expect(changed.updated).toEqual([{ line: 2, number: r.number(1), changed: ['bearing'] }]);
    const versions = (await versionsOf(r.prefix)).filter((v) => v.reference === r.number(1));
    expect(versions.map((v) => [v.version, v.reason, v.changed_by, v.valid_from.toISOString(), (v.entry as { bearing_deg: number }).bearing_deg])).toEqual([
      [1, 'imported from cctv.csv', actor.userId, '2026-03-04T09:15:00.000Z', 90],
      [2, 'imported from cctv.csv', actor.userId, '2026-03-04T10:15:00.000Z', 135],
    ]);
    const audit = await (await sealed(deps.db)).selectFrom('audit_events').select(['details']).where('action', '=', 'camera-register.imported')
      .where('actor_id', '=', actor.userId).orderBy('seq').execute();
    expect(audit.map((a) => a.details)).toEqual([
      expect.objectContaining({ fileName: 'cctv.csv', added: 2, updated: 0, unchanged: 0 }),
      expect.objectContaining({ added: 0, unchanged: 2 }),
      expect.objectContaining({ updated: 1, unchanged: 1 }),
    ]);
  });

  it('flags a new number at an existing camera\'s point, imports the rest, and renumbers it on confirmation keeping its history', async () => {
    const actor = await aCoordinator();
    const r = aRegister();
    const row = (n: string, i: number, north = 0) => `${n},Camera ${i},${r.at(i, north).longitude},${r.at(i, north).latitude}`;
    await importRegister(deps, { actor, input: { csv: r.csv('id,name,lon,lat', [row(r.number(1), 1), row(r.number(2), 2)]), fileName: 'v1.csv', dryRun: false } });
    const before = await camerasOf(r.prefix);

    const renumbered = r.csv('id,name,lon,lat', [row(`${r.number(1)}A`, 1, 2), row(r.number(2), 2), row(r.number(3), 3)]);
    const flagged = await importRegister(deps, { actor, input: { csv: renumbered, fileName: 'v2.csv', dryRun: false } });
    expect(flagged.outcome).toBe('imported');
    expect(flagged.flagged).toEqual([expect.objectContaining({ line: 2, number: `${r.number(1)}A`, existing: r.number(1), metres: 2 })]);
    expect(flagged.added.map((a) => a.number)).toEqual([r.number(3)]);
    expect((await camerasOf(r.prefix)).map((c) => c.reference)).toEqual([r.number(1), r.number(2), r.number(3)]);

    const confirmed = await importRegister(deps, { actor, input: { csv: renumbered, fileName: 'v2.csv', confirm: [`${r.number(1)}a`], dryRun: false } });
    expect(confirmed.updated).toEqual([{ line: 2, number: `${r.number(1)}A`, changed: ['number', 'latitude'], renumberedFrom: r.number(1) }]);
    const after = await camerasOf(r.prefix);
    const moved = after.find((c) => c.reference === `${r.number(1)}A`)!;
    expect(moved.id).toBe(before[0].id);
    const history = (await versionsOf(r.prefix)).filter((v) => v.reference === `${r.number(1)}A`);
    expect(history.map((v) => [v.version, v.reason, (v.entry as { reference: string }).reference])).toEqual([
      [1, 'imported from v1.csv', r.number(1)], [2, `renumbered from ${r.number(1)}, imported from v2.csv`, `${r.number(1)}A`],
    ]);
  });

  it('the register\'s own CSV export, imported, leaves every camera unchanged and writes no version', async () => {
    const actor = await aCoordinator();
    const r = aRegister();
    // Cameras as the edit form keeps them: more decimals than the import reads, every field filled,
    // text a spreadsheet would run as a formula, a purpose over two lines, each kind, status and owner.
    const cameras: Partial<RegisterCamera>[] = [
      { kind: 'ptz', status: 'operational', owner: 'council', capabilities: ['pan', 'tilt', 'zoom', 'infrared', 'audio', 'presets'], bearing: 123.456789, fieldOfView: 62.3333333, range: 80.125, mountingHeight: 6.005 },
      { kind: 'fixed', status: 'degraded', owner: 'partner', capabilities: ['infrared'], bearing: 359.97, fieldOfView: 0.5, range: 4999.999, mountingHeight: 0 },
      { kind: 'anpr', status: 'faulty', owner: 'private', capabilities: ['zoom', 'presets'], bearing: 0.04, fieldOfView: 359.9, range: 0.011, mountingHeight: 99.995 },
      { kind: 'mobile', status: 'out_of_service', owner: 'council', capabilities: ['pan', 'tilt'], bearing: 45, fieldOfView: 90, range: 100, mountingHeight: 4 },
      { kind: 'body_worn', status: 'decommissioned', owner: 'council', capabilities: ['audio'], bearing: 270.25, fieldOfView: 120, range: 12.5, mountingHeight: 1.7 },
    ];
    for (const [i, over] of cameras.entries()) {
      await registerCamera(deps, { actor: { audit: actor.audit, userId: actor.userId! }, input: RegisterCamera.parse({
        reference: r.number(i + 1), name: `Camera ${i + 1}, "the Arches"`, location: `${i + 1} Station Street, Burton upon Trent`,
        latitude: r.at(i + 1).latitude + 0.00000004, longitude: r.at(i + 1).longitude - 0.00000004, videoSystem: 'Milestone XProtect', channel: `=${i + 1}`,
        connectivityLine: '-BT 0445 line', installedOn: '2019-04-01', ownerName: '@Burton BID', purpose: 'Public safety\nin the town centre', ward: 'Burton', ...over,
      }) });
    }
    const versionsBefore = await versionsOf(r.prefix);
    expect(versionsBefore.length).toBe(cameras.length);

    const csv = registerCsv((await allCameraRows(deps.db, CameraFilter.parse({ q: r.prefix, includeDecommissioned: 'true' }))).map(toCameraDto));
    const res = await importRegister(deps, { actor, input: { csv, fileName: 'camera-register.csv', dryRun: false } });
    expect(res.refused).toEqual([]);
    expect(res.unknownHeaders).toEqual(['Version', 'Last changed (UK time)', 'Reason']);
    expect(res.counts).toEqual({ added: 0, updated: 0, unchanged: cameras.length, flagged: 0, refused: 0 });
    expect(await versionsOf(r.prefix)).toEqual(versionsBefore);
  });

  it('reads OSGB36 eastings and northings beside WGS84 rows', async () => {
    const actor = await aCoordinator();
    const r = aRegister();
    // A point of this test's own on the grid, kept clear of other tests by its random northing.
    const northing = 100_000 + Math.floor(Math.random() * 300_000);
    const res = await importRegister(deps, { actor, input: { csv: r.csv('ref,easting,northing,x,y', [`${r.number(1)},300000,${northing},,`, `${r.number(2)},,,${r.at(2).longitude},${r.at(2).latitude}`]), dryRun: false } });
    expect(res.counts.added).toBe(2);
    const [grid, wgs] = await camerasOf(r.prefix);
    expect({ longitude: grid.longitude, latitude: grid.latitude }).toEqual(gridToWgs84(300000, northing));
    expect(wgs.latitude).toBe(r.at(2).latitude);
  });

  it('refuses a file that would move a camera up on a mobile deployment or clear a camera\'s open fault, and writes nothing', async () => {
    const actor = await aCoordinator();
    const officer = await makeUser(deps, { roles: ['enforcement_officer'] });
    const officerActor = { audit: { actorId: officer.id, actorUsername: officer.username, ip: null, userAgent: null }, userId: officer.id };
    const r = aRegister();
    const first = await importRegister(deps, { actor, input: { dryRun: false, fileName: 'r.csv', csv: r.csv('Camera No,Name,Longitude,Latitude,Type,Status', [
      `${r.number(1)},Mobile one,${r.at(1).longitude},${r.at(1).latitude},Redeployable,Out of service`,
      `${r.number(2)},Station Street,${r.at(2).longitude},${r.at(2).latitude},ptz,Faulty`,
    ]) } });
    expect(first.counts.added).toBe(2);
    const [mobile, faulty] = await camerasOf(r.prefix);
    // The mobile camera goes up on an approved deployment; the other has a fault open.
    const { id } = await deployments.requestDeployment(deps, { actor: officerActor, input: RequestDeployment.parse({
      locationText: 'Queen Street corner', latitude: r.at(5).latitude, longitude: r.at(5).longitude, problem: 'Fly-tipping every weekend.',
      evidencePeriod: { radiusM: 200, from: '2026-01-01', to: '2026-02-28' }, proposedDays: 90, alternatives: 'Signs and patrols tried.', dpiaReference: 'DPIA-2026-09',
    }) });
    await deployments.decideDeployment(deps, { actor: { ...actor, userId: actor.userId! }, deploymentId: id, input: { decision: 'approve', reasons: 'Justified by the evidence.' } });
    await deployments.deployCamera(deps, { actor: officerActor, deploymentId: id, input: { cameraId: mobile.id, deployedOn: londonDay(clock.now()), signagePhotoSha256: (await deps.storage.put(TINY_PNG)).sha256, reviewPeriodDays: 90 } });
    await deps.db.insertInto('faults').values({ reference: `FLT-9998-${r.prefix}`, year: 9998, number: Number.parseInt(r.prefix.slice(1), 16) % 2_000_000_000, camera_id: faulty.id, description: 'No picture', raised_by: officer.id, raised_at: clock.now(), source: 'operator' }).execute();
    const before = await versionsOf(r.prefix);

    const again = r.csv('Camera No,Name,Longitude,Latitude,Type,Status', [
      `${r.number(1)},Mobile one,${r.at(1).longitude},${r.at(1).latitude},Redeployable,Out of service`, // back to the depot: refused
      `${r.number(2)},Station Street,${r.at(2).longitude},${r.at(2).latitude},ptz,Operational`, // fault cleared by hand: refused
    ]);
    const result = await importRegister(deps, { actor, input: { dryRun: false, fileName: 'r.csv', csv: again } });
    expect(result.outcome).toBe('refused');
    expect(result.refused.map((x) => [x.line, x.reasons[0]])).toEqual([
      [2, expect.stringMatching(/is deployed on MD-\d{4}-\d{4}: move it or take it down through its deployment/)],
      [3, expect.stringMatching(/has 1 open fault: it returns to operational when it is cleared/)],
    ]);
    expect(await versionsOf(r.prefix)).toEqual(before);
  });
});
