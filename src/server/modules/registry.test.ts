import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../platform/auth/permissions';
import { MODULES, navigationEntries, PLANNED } from './registry';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('the module registry', () => {
  it('registers every module folder once, under its folder name', () => {
    const folders = readdirSync(here).filter((f) => statSync(path.join(here, f)).isDirectory()).sort();
    expect(MODULES.map((m) => m.key).sort()).toEqual(folders);
  });

  it('gives every navigation entry a real permission, a unique key and a unique path', () => {
    const entries = navigationEntries();
    for (const e of entries) expect([...PERMISSIONS, 'authenticated'], e.key).toContain(e.permission);
    expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
  });

  it('lists a planned module only until a registered module takes its key', () => {
    const built = new Set(MODULES.flatMap((m) => m.navigation ?? []).map((e) => e.key));
    expect(PLANNED.filter((p) => built.has(p.key)).map((p) => p.key)).toEqual([]);
    for (const p of PLANNED) expect(p.coming, p.key).toBeTruthy();
  });

  it('names each job after its module', () => {
    for (const m of MODULES) for (const j of m.jobs ?? []) expect(j.name.startsWith(`${m.key}.`), j.name).toBe(true);
  });

  it('puts work before administration', () => {
    const groups = navigationEntries().map((e) => e.group);
    expect(groups.indexOf('admin')).toBeGreaterThan(groups.lastIndexOf('work'));
  });
});

describe('the order of the work entries', () => {
  it('puts those given an order first, lowest first (the occurrence log leads), then the rest in registry order', () => {
    const work = navigationEntries().filter((e) => e.group === 'work').map((e) => e.key);
    expect(work.slice(0, 2)).toEqual(['occurrences', 'estate-checks']);
    expect(work.indexOf('estate')).toBeLessThan(work.indexOf('estate-deployments'));
    expect(work.indexOf('estate-deployments')).toBeLessThan(work.indexOf('evidence'));
  });
});
