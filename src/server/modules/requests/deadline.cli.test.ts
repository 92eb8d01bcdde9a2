import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HAND_WORKED } from '../../../domain/deadlines/cases';
import { runDeadline } from './deadline.cli';

async function run(args: Partial<Parameters<typeof runDeadline>[0]> & { kind: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeadline({ paused: [], extended: false, ...args }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, last: out[out.length - 1] };
}

describe('vigil deadline', () => {
  it.each(HAND_WORKED.map((c) => [c.kind, c.received, c] as const))('prints the hand-worked due date last: %s %s', async (_k, _r, c) => {
    const r = await run({ kind: c.kind, received: c.received, paused: (c.paused ?? []).map((p) => p.join(':')), extended: !!c.extended });
    expect(r.code).toBe(0);
    expect(r.last).toBe(c.due);
  });

  it('refuses what it cannot read, saying what to write instead, with exit code 2', async () => {
    expect(await run({ kind: 'pcn', received: '2026-01-01' })).toMatchObject({ code: 2, err: [expect.stringMatching(/one of sar, foi, complaint, enquiry/)] });
    expect(await run({ kind: 'sar' })).toMatchObject({ code: 2, err: [expect.stringMatching(/--received YYYY-MM-DD/)] });
    expect(await run({ kind: 'sar', received: '2026-02-30' })).toMatchObject({ code: 2, err: [expect.stringMatching(/real date/)] });
    expect(await run({ kind: 'sar', received: '2026-03-01', paused: ['2026-03-05'] })).toMatchObject({ code: 2, err: [expect.stringMatching(/YYYY-MM-DD:YYYY-MM-DD/)] });
    expect(await run({ kind: 'sar', received: '2026-03-01', paused: ['2026-02-20:2026-03-05'] })).toMatchObject({ code: 2, err: [expect.stringMatching(/before the request was received/)] });
    expect(await run({ kind: 'enquiry', received: '2026-03-01', extended: true })).toMatchObject({ code: 2 });
  });

  it('uses a newer GOV.UK file given with --holidays: a proclaimed day moves the due date', async () => {
    const feed = JSON.parse(await readFile(new URL('../../../domain/calendar/gov-uk-bank-holidays.json', import.meta.url), 'utf8'));
    feed['england-and-wales'].events.push({ title: 'Extra bank holiday', date: '2026-04-02', notes: '', bunting: true });
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'vigil-holidays-')), 'bank-holidays.json');
    await writeFile(file, JSON.stringify(feed));
    expect((await run({ kind: 'sar', received: '2026-03-02' })).last).toBe('2026-04-02');
    expect((await run({ kind: 'sar', received: '2026-03-02', holidays: file })).last).toBe('2026-04-07');
  });

  it('runs as a command, with the due date alone on the last line', async () => {
    const bin = new URL('../../../../bin/vigil.mjs', import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'deadline', 'foi', '--received', '2025-12-15'], { env: { ...process.env, VIGIL_FROM_SOURCE: 'true' } });
    expect(stdout.trim().split('\n').pop()).toBe('2026-01-16');
  }, 30_000);
});
