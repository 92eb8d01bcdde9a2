import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { Upload } from 'tus-js-client';
import { randomBytes, randomUUID } from 'node:crypto';
import { makeSession, makeUser, testClock, testDeps } from '../../../../test/support/deps';
import { testApp } from '../../../../test/support/api';
import { makeTestVideo, sampleClip, tempDir } from '../../../../test/support/video';
import { locateVideoTools } from '../../platform/video/video';
import type { Deps } from '../../platform/deps';
import { makeDerivative } from './derivatives/derivatives.jobs';
import { buildPackage } from './packages/packages.jobs';

// Footage in through the upload endpoint (tus over a real socket, as the browser sends it), made an
// exhibit, played and downloaded with its hash checked, copied by the worker, packaged, released
// and checked again, as staff and a partner would.

const deps: Deps = testDeps();
const { app } = testApp(deps);
let server: ServerType;
let base = '';
const tmp = tempDir('vigil-evidence-api-');
const sha256sum = (file: string) => execFileSync('sha256sum', [file]).toString().split(' ')[0];

beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => { server.close(); tmp.remove(); });

async function staff(roles: ('enforcement_officer' | 'agency')[] = ['enforcement_officer'], organisationId?: string) {
  const u = await makeUser(deps, { roles, organisationId });
  const s = await makeSession(deps, { userId: u.id });
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let json: any;
    try { json = JSON.parse(text); } catch { json = undefined; }
    return { status: res.status, json, text, headers: res.headers };
  };
  return { user: u, headers, call };
}

/** Uploads a file as the browser does, optionally dropping the connection part-way and resuming. */
function upload(file: string, headers: Record<string, string>, { dropAfter }: { dropAfter?: number } = {}) {
  const bytes = readFileSync(file);
  return new Promise<{ status: number; body: any; url: string }>((resolve, reject) => {
    let dropped = false;
    const up: Upload = new Upload(bytes as never, {
      endpoint: `${base}/api/v1/uploads`, headers, chunkSize: 256 * 1024, retryDelays: [0, 100, 200],
      metadata: { filename: file.split('/').pop()! },
      onProgress(sent) {
        if (dropAfter !== undefined && !dropped && sent >= dropAfter) {
          dropped = true;
          // Abort mid-upload, then start again from where the server says it got to.
          void up.abort().then(() => setTimeout(() => up.start(), 50));
        }
      },
      onSuccess(payload) {
        const res = payload.lastResponse;
        resolve({ status: res.getStatus(), body: JSON.parse(res.getBody() || '{}'), url: up.url! });
      },
      // A refusal (4xx) is not retried: the answer is the server's reason.
      onError(err) {
        const res = (err as { originalResponse?: { getStatus(): number; getBody(): string } | null }).originalResponse;
        if (res) resolve({ status: res.getStatus(), body: JSON.parse(res.getBody() || '{}'), url: up.url ?? '' });
        else reject(err);
      },
    });
    up.start();
  });
}

describe('bringing footage in', () => {
  it('takes a resumable upload dropped part-way and gives the identical master, hashed as sha256sum does', async () => {
    const { headers, call } = await staff();
    const r = await upload(sampleClip, headers, { dropAfter: 1024 * 1024 });
    expect(r.status).toBe(200);
    expect(r.body.recording.sha256).toBe(sha256sum(sampleClip));
    expect(r.body.recording.sizeBytes).toBe(readFileSync(sampleClip).length);
    expect(r.body.recording.probe).toMatchObject({ durationS: expect.closeTo(30.16, 1), video: { codec: 'h264', width: 768, height: 432 } });
    const stored = await deps.storage.check(r.body.recording.sha256);
    expect(stored.state).toBe('ok');
    const listed = await call('GET', '/api/v1/recordings?unassigned=true&mine=true');
    expect(listed.json.items.map((x: { id: string }) => x.id)).toContain(r.body.recording.id);
  });

  it('refuses a file that is not video, or is cut short, with the reason, and keeps nothing', async () => {
    const { headers } = await staff();
    const text = tmp.file('notes.txt');
    writeFileSync(text, 'Not footage at all, just some notes.\n'.repeat(100));
    const half = tmp.file('half.mp4');
    writeFileSync(half, readFileSync(sampleClip).subarray(0, 1_000_000));
    for (const [file, code] of [[text, 'evidence.not_video'], [half, 'evidence.truncated']] as const) {
      const r = await upload(file, headers);
      expect(r.status).toBe(422);
      expect(r.body.code).toBe(code);
      const sha = sha256sum(file);
      expect(await deps.storage.stat(sha)).toBeUndefined();
      expect(await deps.db.selectFrom('recordings').select('id').where('sha256', '=', sha).executeTakeFirst()).toBeUndefined();
    }
  });

  it("does not let anyone else continue or read someone's upload", async () => {
    const a = await staff();
    const b = await staff();
    const started = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { ...a.headers, 'tus-resumable': '1.0.0', 'upload-length': '1000', 'upload-metadata': `filename ${Buffer.from('x.mp4').toString('base64')}` } });
    expect(started.status).toBe(201);
    const location = started.headers.get('location')!;
    const theirs = await fetch(new URL(location, base), { method: 'HEAD', headers: { ...b.headers, 'tus-resumable': '1.0.0' } });
    expect(theirs.status).toBe(404);
    const mine = await fetch(new URL(location, base), { method: 'HEAD', headers: { ...a.headers, 'tus-resumable': '1.0.0' } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('upload-offset')).toBe('0');
  });
});

describe('an exhibit, its copies and its package', () => {
  it('is played and downloaded with its hash checked, copied, packaged, released to a partner and checked', async () => {
    const officer = await staff();
    const tools = await locateVideoTools(deps.config.video);
    const clip = await makeTestVideo({ tools, output: tmp.file('fight.mp4'), seconds: 4 });
    const up = await upload(clip, officer.headers);
    const made = await officer.call('POST', '/api/v1/exhibits', { description: 'Fight outside the Coopers Arms', recordingIds: [up.body.recording.id], clock: { recorderShowed: '2026-11-01T23:03:10Z', trueTime: '2026-11-01T23:05:00Z' } });
    expect(made.status).toBe(201);
    const id = made.json.id;
    const sha = up.body.recording.sha256;

    // Played: the first range is a view; the bytes are those stored.
    const part = await fetch(`${base}/api/v1/exhibits/${id}/files/${sha}`, { headers: { ...officer.headers, range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${readFileSync(clip).length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(readFileSync(clip).subarray(0, 100));
    const whole = await fetch(`${base}/api/v1/exhibits/${id}/files/${sha}?download=1`, { headers: officer.headers });
    expect(Buffer.from(await whole.arrayBuffer())).toEqual(readFileSync(clip));
    let detail = (await officer.call('GET', `/api/v1/exhibits/${id}`)).json;
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['produced', 'viewed', 'viewed']);

    // A captioned clip, made by the worker.
    const asked = await officer.call('POST', `/api/v1/exhibits/${id}/derivatives`, { kind: 'clip', recordingId: up.body.recording.id, startS: 1, endS: 3, mode: 'reencode', caption: true, purpose: 'For the officer in the case' });
    expect(asked.status).toBe(202);
    await makeDerivative(deps, { derivativeId: asked.json.derivatives[0].id });
    detail = (await officer.call('GET', `/api/v1/exhibits/${id}`)).json;
    const copy = detail.derivatives[0];
    expect(copy).toMatchObject({ state: 'done', reference: `${detail.reference}/WC1`, parentSha256: sha, mediaType: 'video/mp4' });
    expect(copy.ffmpegVersion).toMatch(/^ffmpeg version /);
    expect(Math.abs(copy.realStartS - 1)).toBeLessThan(1 / 25 + 1e-6);
    expect(detail.events.at(-1)).toMatchObject({ kind: 'copied', details: { derivative: { sha256: copy.sha256 } } });

    // A package for the police, built and released; the partner downloads it and checks it.
    const police = await staff(['agency']);
    const pkg = await officer.call('POST', '/api/v1/evidence-packages', { exhibitIds: [id], recipientName: 'Staffordshire Police', recipientOrganisationId: police.user.organisationId, purpose: 'Assault, crime SP/4471/26' });
    expect(pkg.status).toBe(202);
    await buildPackage(deps, { packageId: pkg.json.id });
    const built = (await officer.call('GET', `/api/v1/evidence-packages/${pkg.json.id}`)).json;
    expect(built.state).toBe('done');
    const release = await officer.call('POST', `/api/v1/evidence-packages/${pkg.json.id}/releases`, { organisationId: police.user.organisationId, lawfulBasis: 'dpa_sch2_crime', crimeReference: 'SP/4471/26', expiresAt: new Date(Date.now() + 7 * 86400_000).toISOString() });
    expect(release.status).toBe(201);

    const other = await staff(['agency']);
    expect((await other.call('GET', '/api/v1/released')).json.items).toEqual([]);
    expect((await other.call('GET', `/api/v1/released/${release.json.id}/download`)).status).toBe(404);
    const mine = (await police.call('GET', '/api/v1/released')).json.items;
    expect(mine).toHaveLength(1);
    const zip = await fetch(`${base}/api/v1/released/${release.json.id}/download`, { headers: police.headers });
    expect(zip.status).toBe(200);
    const bytes = Buffer.from(await zip.arrayBuffer());
    const zipFile = tmp.file('package.zip');
    writeFileSync(zipFile, bytes);
    expect(sha256sum(zipFile)).toBe(built.sha256);
    const checked = await fetch(`${base}/api/v1/evidence/verify-package`, { method: 'POST', headers: { ...police.headers, 'content-type': 'application/zip' }, body: bytes });
    const report = await checked.json();
    expect(report).toMatchObject({ ok: true, reference: built.reference, signedBy: { isCouncilKey: true }, problems: [] });
    expect((await police.call('POST', `/api/v1/released/${release.json.id}/acknowledge`)).status).toBe(200);
    detail = (await officer.call('GET', `/api/v1/exhibits/${id}`)).json;
    expect(detail.events.map((e: { kind: string }) => e.kind).slice(-3)).toEqual(['exported', 'released', 'downloaded']);

    // Revoked: the partner loses it at once.
    await officer.call('POST', `/api/v1/evidence-releases/${release.json.id}/revoke`, { reason: 'Sent to the wrong force' });
    expect((await police.call('GET', '/api/v1/released')).json.items).toEqual([]);
    expect((await police.call('GET', `/api/v1/released/${release.json.id}/download`)).status).toBe(404);
  });
});

describe('a release ends', () => {
  it('at its expiry: the partner no longer lists or downloads the package, nor any made-up id', async () => {
    const clock = testClock();
    const timed = { ...deps, clock };
    const { app: later } = testApp(timed);
    const as = async (roles: ('enforcement_officer' | 'agency')[], organisationId?: string, existing?: { id: string; organisationId: string }) => {
      const u = existing ?? await makeUser(timed, { roles, organisationId });
      const s = await makeSession(timed, { userId: u.id });
      return { user: u, call: async (method: string, path: string, body?: unknown) => {
        const res = await later.request(path, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
        return { status: res.status, json: await res.json().catch(() => undefined) };
      } };
    };
    const officer = await as(['enforcement_officer']);
    let police = await as(['agency']);
    const recording = await deps.db.insertInto('recordings').values({
      sha256: randomBytes(32).toString('hex'), size_bytes: 10, original_name: 'x.mp4', source: 'upload', format: 'unreadable', probe: null, ingested_by: officer.user.id,
    }).returning('id').executeTakeFirstOrThrow();
    const exhibit = (await officer.call('POST', '/api/v1/exhibits', { description: 'Expiry test', recordingIds: [recording.id] })).json;
    const pkg = (await officer.call('POST', '/api/v1/evidence-packages', { exhibitIds: [exhibit.id], recipientName: 'Police', purpose: 'Expiry test', includeMasters: false })).json;
    await deps.db.updateTable('evidence_packages').set({ state: 'done', sha256: randomBytes(32).toString('hex'), size_bytes: 22, completed_at: clock.now() }).where('id', '=', pkg.id).execute();
    const release = (await officer.call('POST', `/api/v1/evidence-packages/${pkg.id}/releases`, { organisationId: police.user.organisationId, lawfulBasis: 'dpa_sch2_crime', crimeReference: 'SP/1/26', expiresAt: new Date(clock.now().getTime() + 3 * 86400_000).toISOString() })).json;
    expect((await police.call('GET', '/api/v1/released')).json.items.map((r: { releaseId: string }) => r.releaseId)).toEqual([release.id]);
    expect((await police.call('POST', `/api/v1/released/${release.id}/acknowledge`)).status).toBe(200);
    expect((await police.call('POST', `/api/v1/released/${randomUUID()}/acknowledge`)).status).toBe(404);
    expect((await police.call('GET', `/api/v1/evidence-packages/${pkg.id}`)).status).toBe(404);
    clock.advance(3 * 86400_000 + 1000);
    police = await as(['agency'], undefined, police.user); // signed in again: a session does not last days
    expect((await police.call('GET', '/api/v1/released')).json.items).toEqual([]);
    expect((await police.call('GET', `/api/v1/released/${release.id}/download`)).status).toBe(404);
    expect((await police.call('POST', `/api/v1/released/${release.id}/acknowledge`)).status).toBe(404);
  });
});

describe('the integrity check', () => {
  it("is shown to coordinators with what it found, from the newest check", async () => {
    await deps.db.insertInto('evidence_verifications').values({
      started_at: new Date(Date.now() + 60_000), finished_at: new Date(Date.now() + 61_000), objects_checked: 3, is_ok: false,
      problems: JSON.stringify([{ kind: 'missing', what: 'recording CAM07.mp4', sha256: 'ab'.repeat(32), reason: 'the stored file is missing' }]),
    }).execute();
    const coordinator = await makeUser(deps, { roles: ['coordinator'] });
    const s = await makeSession(deps, { userId: coordinator.id });
    const res = await fetch(`${base}/api/v1/evidence/integrity`, { headers: { cookie: s.cookie } });
    expect(res.status).toBe(200);
    expect((await res.json()).latest).toMatchObject({ ok: false, filesChecked: 3, problems: [{ kind: 'missing', what: 'recording CAM07.mp4' }] });
  });
});
