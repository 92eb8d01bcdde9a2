import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { testDeps } from '../../../../../test/support/deps';
import { parseMapOptions, runEstateImport } from './import.cli';
import { aRegister } from './import.fixtures';

// `vigil estate import`: what it prints and its exit codes, in process and as the command an IT team runs.

const deps = testDeps();
const dir = mkdtempSync(path.join(os.tmpdir(), 'vigil-estate-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function aFile(name: string, text: string) {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

it('prints a line for each camera added, updated, flagged and refused, and exits 1 while any is refused', async () => {
  const r = aRegister();
  const bad = aFile('bad.csv', r.csv('Ref,Name,Lon,Lat,Status', [`${r.number(1)},One,${r.at(1).longitude},${r.at(1).latitude},operational`, `${r.number(2)},Two,${r.at(2).longitude},${r.at(2).latitude},sideways`]));
  const out: string[] = [];
  expect(await runEstateImport(deps, { file: bad, dryRun: false, json: false, write: (s) => out.push(s) })).toBe(1);
  expect(out).toContain(`REFUSED    line 3  ${r.number(2)}  unknown status "sideways" (one of: Operational, Degraded, Faulty, Out of service, Decommissioned)`);
  expect(out.at(-1)).toMatch(/^Nothing imported: 1 row\(s\) refused/);

  const good = aFile('good.csv', r.csv('Ref,Name,Lon,Lat,Status', [`${r.number(1)},One,${r.at(1).longitude},${r.at(1).latitude},operational`, `${r.number(2)},Two,${r.at(2).longitude},${r.at(2).latitude},faulty`]));
  const lines: string[] = [];
  expect(await runEstateImport(deps, { file: good, dryRun: false, json: false, write: (s) => lines.push(s) })).toBe(0);
  expect(lines.filter((l) => l.startsWith('ADDED'))).toEqual([`ADDED      line 2  ${r.number(1)}  One`, `ADDED      line 3  ${r.number(2)}  Two`]);
  expect(lines.at(-1)).toBe('Imported: 2 added, 0 updated, 0 unchanged, 0 flagged, 0 refused.');
  expect(parseMapOptions(['Cam Ref=number', 'x=teleport'])).toEqual({ error: expect.stringMatching(/"teleport" is not a field/) });

  const headerless = aFile('headerless.csv', r.csv(',Name,Lon,Lat,Notes,Notes', [`${r.number(3)},Three,${r.at(3).longitude},${r.at(3).latitude},a,Market Place`]));
  const mapped = parseMapOptions(['#1=number', '#6=location', '#5=ignore']);
  expect(mapped).toEqual({ mapping: { '#1': 'number', '#6': 'location', '#5': 'ignore' } });
  const byPosition: string[] = [];
  expect(await runEstateImport(deps, { file: headerless, dryRun: true, json: false, map: ['#1=number', '#6=location', '#5=ignore'], write: (s) => byPosition.push(s) })).toBe(0);
  expect(byPosition[0]).toBe('headerless.csv: 1 camera row(s). Columns: #1 = number, Name = name, Lon = longitude, Lat = latitude, Notes = location.');
  expect(byPosition).toContain(`ADDED      line 2  ${r.number(3)}  Three`);
});

function vigil(args: string[]) {
  const res = spawnSync(process.execPath, ['bin/vigil.mjs', ...args], { env: { ...process.env, DATABASE_URL: inject('databaseUrl'), VIGIL_DEMO: 'false', LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

it('vigil estate import FILE [--dry-run] [--json] [--map] [--confirm]', () => {
  const r = aRegister();
  const file = aFile('register.csv', r.csv('Cam Ref,Name,X,Y', [`${r.number(1)},Market Place,${r.at(1).longitude},${r.at(1).latitude}`]));
  const unmapped = vigil(['estate', 'import', file, '--dry-run']);
  expect(unmapped.code).toBe(1);
  expect(unmapped.out).toMatch(/REFUSED {4}line 1 {2}- {2}No column gives the camera number/);

  const dry = vigil(['estate', 'import', file, '--dry-run', '--map', 'Cam Ref=number']);
  expect(dry.code, dry.err).toBe(0);
  expect(dry.out).toContain('Dry run, nothing imported. Would be: 1 added, 0 updated, 0 unchanged, 0 flagged, 0 refused.');

  const real = vigil(['estate', 'import', file, '--json', '--map', 'Cam Ref=number']);
  expect(real.code, real.err).toBe(0);
  expect(JSON.parse(real.out)).toMatchObject({ outcome: 'imported', counts: { added: 1 }, added: [{ line: 2, number: r.number(1), name: 'Market Place' }] });

  const moved = aFile('renumbered.csv', r.csv('Cam Ref,Name,X,Y', [`${r.number(1)}B,Market Place,${r.at(1, 1).longitude},${r.at(1, 1).latitude}`]));
  const flagged = vigil(['estate', 'import', moved, '--map', 'Cam Ref=number']);
  expect(flagged.code).toBe(1);
  expect(flagged.out).toContain(`FLAGGED    line 2  ${r.number(1)}B  renumbered?`);
  const confirmed = vigil(['estate', 'import', moved, '--map', 'Cam Ref=number', '--confirm', `${r.number(1)}B`]);
  expect(confirmed.code, confirmed.err).toBe(0);
  expect(confirmed.out).toContain(`UPDATED    line 2  ${r.number(1)}B (was ${r.number(1)})  number, latitude`);
});
