import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { serveStoredFile } from '../../../platform/http/download';
import { recordAudit } from '../../../platform/audit/audit';
import { AppError, validationFailed } from '../../../platform/http/errors';
import { ensureSigningKey, formatFingerprint, listSigningKeys } from '../../../platform/signing/signing';
import * as kp from '../../../../domain/evidence/packages';
import { WitnessStatement, WitnessStatementBody } from '../../../../domain/evidence/statement';
import * as pk from './packages.usecases';
import * as repo from './packages.repository';
import { toPackageSummary, toRelease } from './packages.views';
import { verifyPackage } from './package.verify';

const tags = ['Evidence packages'];
const partnerTags = ['Released to partners'];
const actor = requestActor;
export const VERIFY_PACKAGE_PATH = '/api/v1/evidence/verify-package';

/** What the check says of a file that is not a zip at all (or is cut short). */
function notAPackage(err: unknown) {
  return {
    ok: false, reference: null, signedBy: null, checked: { files: 0, exhibits: 0, events: 0 },
    problems: [{ reason: `This is not a package Vigil can read (${err instanceof Error ? err.message : String(err)}): it is not a zip file, or it is incomplete.` }],
  };
}

export function registerPackageRoutes(api: Api) {
  route(api, {
    operationId: 'listEvidencePackages', method: 'get', path: '/api/v1/evidence-packages', access: 'evidence.read', tags,
    summary: 'Disclosure packages, newest first', request: { query: kp.PackageFilter }, responses: { 200: json(kp.PackagePage, 'A page'), ...commonResponses },
  }, async (c) => {
    const { page, pageSize, exhibitId } = c.req.valid('query');
    const db = c.get('deps').db;
    const r = await repo.listPackages(db, { exhibitId, offset: (page - 1) * pageSize, limit: pageSize });
    const exhibits = await repo.listPackageExhibits(db, r.rows.map((x) => x.id));
    return c.json({ items: r.rows.map((x) => toPackageSummary(x, exhibits)), total: r.total, page, pageSize }, 200);
  });

  route(api, {
    operationId: 'requestEvidencePackage', method: 'post', path: '/api/v1/evidence-packages', access: 'evidence.manage', tags,
    summary: "Build a disclosure package for a recipient: masters, working copies, a signed manifest, the continuity record and the producer's draft MG11 statement (a background job)",
    request: body(kp.RequestPackage), responses: { 202: json(z.object({ id: z.uuid(), reference: z.string() }).meta({ id: 'PackageRequested' }), 'Queued'), ...commonResponses },
  }, async (c) => c.json(await pk.requestPackage(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 202));

  route(api, {
    operationId: 'getEvidencePackage', method: 'get', path: '/api/v1/evidence-packages/{id}', access: 'evidence.read', tags,
    summary: 'A package: its build, hash, releases and statement', request: { params: kp.PackageParams }, responses: { 200: json(kp.PackageDetail, 'The package'), ...commonResponses },
  }, async (c) => {
    const db = c.get('deps').db;
    const id = c.req.valid('param').id;
    const row = await repo.findPackage(db, id);
    if (!row) throw pk.packageNotFound();
    const [exhibits, releases, statement] = await Promise.all([repo.listPackageExhibits(db, [id]), repo.listReleasesOfPackage(db, id), repo.findStatementOfPackage(db, id)]);
    return c.json({
      ...toPackageSummary(row, exhibits), releases: releases.map((r) => toRelease(r, c.get('deps').clock.now())),
      statement: statement ? { id: statement.id, version: statement.version, isFinal: statement.is_final } : null,
    }, 200);
  });

  route(api, {
    operationId: 'downloadEvidencePackage', method: 'get', path: '/api/v1/evidence-packages/{id}/download', access: 'evidence.read', tags,
    summary: 'The package zip (its hash re-checked as it streams; audited)', request: { params: kp.PackageParams },
    responses: { 200: { content: { 'application/zip': { schema: z.string() } }, description: 'The zip' }, ...commonResponses, 409: problemResponse('Not built yet') },
  }, async (c) => {
    const deps = c.get('deps');
    const row = await repo.findPackage(deps.db, c.req.valid('param').id);
    if (!row) throw pk.packageNotFound();
    if (row.state !== 'done' || !row.sha256) throw new AppError({ code: 'evidence.package_not_ready', status: 409, message: 'The package is not built yet.' });
    await recordAudit(deps.db, actor(c).audit, { action: 'package.downloaded', recordType: 'package', recordId: row.id, details: { reference: row.reference } });
    return serveStoredFile(c, { store: deps.storage, file: { sha256: row.sha256, size: Number(row.size_bytes), mediaType: 'application/zip', filename: `${row.reference}.zip` }, download: true, range: undefined }) as never;
  });

  const statementReply = json(WitnessStatement, 'The statement');
  route(api, {
    operationId: 'getPackageStatement', method: 'get', path: '/api/v1/evidence-packages/{id}/statement', access: 'evidence.read', tags,
    summary: "The producer's MG11-style witness statement for the package, as it stands", request: { params: kp.PackageParams }, responses: { 200: statementReply, ...commonResponses },
  }, async (c) => c.json(await pk.getStatement(c.get('deps'), { packageId: c.req.valid('param').id }), 200));
  route(api, {
    operationId: 'editPackageStatement', method: 'put', path: '/api/v1/evidence-packages/{id}/statement', access: 'evidence.manage', tags,
    summary: 'Save an edit of your statement (a new version; refused once final)', request: { params: kp.PackageParams, ...body(WitnessStatementBody) },
    responses: { 200: statementReply, ...commonResponses, 409: problemResponse('Final') },
  }, async (c) => c.json(await pk.saveStatement(c.get('deps'), { actor: actor(c), packageId: c.req.valid('param').id, body: c.req.valid('json'), final: false }), 200));
  route(api, {
    operationId: 'finalisePackageStatement', method: 'post', path: '/api/v1/evidence-packages/{id}/statement/final', access: 'evidence.manage', tags,
    summary: 'Sign your statement: it becomes final and never changes (ask for the package again to include the signed version)', request: { params: kp.PackageParams },
    responses: { 200: statementReply, ...commonResponses, 409: problemResponse('Already final') },
  }, async (c) => c.json(await pk.saveStatement(c.get('deps'), { actor: actor(c), packageId: c.req.valid('param').id, final: true }), 200));

  route(api, {
    operationId: 'releaseEvidencePackage', method: 'post', path: '/api/v1/evidence-packages/{id}/releases', access: 'evidence.manage', tags,
    summary: "Release a built package to a partner organisation until a date, on a lawful basis (DPA 2018 Sch. 2 crime exemption needs the requesting officer's crime reference)",
    request: { params: kp.PackageParams, ...body(kp.ReleasePackage) }, responses: { 201: json(z.object({ id: z.uuid() }).meta({ id: 'ReleaseMade' }), 'Released'), ...commonResponses, 409: problemResponse('Not built yet') },
  }, async (c) => c.json(await pk.releasePackage(c.get('deps'), { actor: actor(c), packageId: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'revokeEvidenceRelease', method: 'post', path: '/api/v1/evidence-releases/{id}/revoke', access: 'evidence.manage', tags,
    summary: 'Withdraw a release, with a reason: the partner can no longer see or download the package', request: { params: kp.ReleaseParams, ...body(kp.RevokeRelease) },
    responses: { 200: json(z.object({ revokedAt: z.string() }).meta({ id: 'ReleaseRevoked' }), 'Revoked'), ...commonResponses, 409: problemResponse('Already revoked') },
  }, async (c) => c.json(await pk.revokeRelease(c.get('deps'), { actor: actor(c), releaseId: c.req.valid('param').id, reason: c.req.valid('json').reason }), 200));

  route(api, {
    operationId: 'listEvidencePartners', method: 'get', path: '/api/v1/evidence/partners', access: 'evidence.read', tags,
    summary: 'Partner organisations a package can be released to', responses: { 200: json(z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) }).meta({ id: 'EvidencePartners' }), 'Partners'), ...commonResponses },
  }, async (c) => c.json({ items: await repo.listPartnerOrganisations(c.get('deps').db) }, 200));

  // ---- Partners: only what was released to their organisation, live; anything else is 404. ----

  route(api, {
    operationId: 'listReleasedPackages', method: 'get', path: '/api/v1/released', access: 'shared.read', tags: partnerTags,
    summary: 'Packages released to your organisation, not expired or revoked (audited)', responses: { 200: json(kp.ReleasedPackageList, 'Released'), ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const organisationId = c.get('session')!.organisation.id;
    const rows = await repo.listLiveReleasesFor(deps.db, { organisationId, now: deps.clock.now() });
    const exhibits = await repo.listPackageExhibits(deps.db, rows.map((r) => r.package_id));
    await recordAudit(deps.db, actor(c).audit, { action: 'packages.listed-by-partner', details: { organisationId, shown: rows.map((r) => r.package_reference) } });
    return c.json({
      items: rows.map((r) => ({
        releaseId: r.id, reference: r.package_reference, purpose: r.purpose, exhibits: exhibits.filter((e) => e.package_id === r.package_id).map((e) => ({ reference: e.reference, description: e.description })),
        sha256: r.sha256!, sizeBytes: Number(r.size_bytes), lawfulBasis: r.lawful_basis, crimeReference: r.crime_reference, releasedAt: r.released_at.toISOString(),
        expiresAt: r.expires_at.toISOString(), acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
      })),
    }, 200);
  });

  route(api, {
    operationId: 'downloadReleasedPackage', method: 'get', path: '/api/v1/released/{id}/download', access: 'shared.read', tags: partnerTags,
    summary: 'Download a package released to your organisation (a continuity event of each exhibit in it, and audited)', request: { params: kp.ReleaseParams },
    responses: { 200: { content: { 'application/zip': { schema: z.string() } }, description: 'The zip' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const r = await pk.recordPartnerDownload(deps, { actor: actor(c), releaseId: c.req.valid('param').id, organisationId: c.get('session')!.organisation.id });
    return serveStoredFile(c, { store: deps.storage, file: { sha256: r.sha256!, size: Number(r.size_bytes), mediaType: 'application/zip', filename: `${r.package_reference}.zip` }, download: true, range: undefined }) as never;
  });

  route(api, {
    operationId: 'acknowledgeReleasedPackage', method: 'post', path: '/api/v1/released/{id}/acknowledge', access: 'shared.read', tags: partnerTags,
    summary: 'Acknowledge receipt of a package released to your organisation', request: { params: kp.ReleaseParams },
    responses: { 200: json(z.object({ acknowledgedAt: z.string() }).meta({ id: 'ReceiptAcknowledged' }), 'Acknowledged'), ...commonResponses },
  }, async (c) => c.json(await pk.acknowledgeRelease(c.get('deps'), { actor: actor(c), releaseId: c.req.valid('param').id, organisationId: c.get('session')!.organisation.id }), 200));

  // ---- Checking a package, by staff and partners alike ----

  route(api, {
    operationId: 'getCouncilPublicKey', method: 'get', path: '/api/v1/evidence/public-key', access: 'authenticated', tags,
    summary: "The council's Ed25519 public key that signs disclosure packages, and its fingerprint", responses: { 200: json(kp.PublicKey, 'The key'), ...commonResponses },
  }, async (c) => {
    const db = c.get('deps').db;
    await ensureSigningKey(db);
    const [key] = await listSigningKeys(db);
    return c.json({ algorithm: 'ed25519' as const, publicKeyPem: key.publicKeyPem, fingerprint: key.fingerprint, fingerprintGrouped: formatFingerprint(key.fingerprint), createdAt: key.createdAt.toISOString() }, 200);
  });

  route(api, {
    operationId: 'verifyEvidencePackage', method: 'post', path: VERIFY_PACKAGE_PATH, access: 'authenticated', tags,
    summary: "Check a package (the zip as the request body, application/zip): every file's hash, the council's signature, every continuity chain",
    request: { body: { content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } }, required: true } },
    responses: { 200: json(kp.PackageCheck, 'What the check found'), ...commonResponses, 415: problemResponse('Not sent as application/zip') },
  }, async (c) => {
    const deps = c.get('deps');
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(zip|octet-stream|x-zip-compressed)\b/.test(type)) {
      throw new AppError({ code: 'evidence.not_a_zip', status: 415, message: 'Send the package itself, as application/zip.' });
    }
    const body = c.req.raw.body;
    if (!body) throw validationFailed([{ path: 'file', message: 'Choose a package (.zip) to check.' }]);
    const tmpDir = path.join(deps.config.dataDir, 'tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    const file = path.join(tmpDir, `${randomUUID()}.zip`);
    try {
      await pipeline(Readable.fromWeb(body as never), createWriteStream(file));
      const keys = await listSigningKeys(deps.db);
      const r = await verifyPackage({ file }).catch((err: unknown) => notAPackage(err));
      const isCouncilKey = !!r.signedBy && keys.some((k) => k.fingerprint === r.signedBy!.fingerprint);
      const problems = [...r.problems, ...(r.signedBy && !isCouncilKey ? [{ reason: `The package is signed with a key that is not this council's (fingerprint ${formatFingerprint(r.signedBy.fingerprint)}).` }] : [])];
      await recordAudit(deps.db, actor(c).audit, { action: 'package.checked', details: { reference: r.reference, ok: r.ok && isCouncilKey, problems: problems.length } });
      return c.json({ ok: r.ok && isCouncilKey, reference: r.reference ?? null, signedBy: r.signedBy ? { fingerprint: r.signedBy.fingerprint, isCouncilKey } : null, checked: r.checked, problems }, 200);
    } finally {
      await fs.rm(file, { force: true });
    }
  });
}

