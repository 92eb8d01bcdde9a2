import { z } from '@hono/zod-openapi';
import { requestActor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { recordAudit } from '../../../platform/audit/audit';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import { pathId } from '../../../../domain/primitives';
import * as k from '../../../../domain/enforcement/pcns.contract';
import type { PenaltyStep } from '../../../../domain/enforcement/penalty';
import * as uc from './pcns.usecases';
import { pcnNoticePdf } from './pcns.pdf';

// Parking PCNs after issue: HTTP only. Readers (enforcement.read) see the register, a PCN, the
// worklist and the notice; processors (enforcement.process) take the lifecycle's steps.

const tags = ['Enforcement'];
const base = '/api/v1/enforcement/pcns';
const params = z.object({ id: pathId('id') });
const refused = { 409: problemResponse('The step is out of order for this notice (enforcement.pcn_step_refused)') };
export const PCNS_CSV_HEADER = ['number', 'issued', 'status', 'code', 'level', 'area', 'vrm', 'street', 'officer', 'amount', 'payable_now', 'outstanding', 'next_step', 'next_from', 'next_by'];
const money = (p: number) => (p / 100).toFixed(2);

export function registerPcnRoutes(api: Api) {
  route(api, {
    operationId: 'getPcnReference', method: 'get', path: `${base}/reference`, access: 'enforcement.read', tags,
    summary: 'The enforcement areas, contravention codes and charges in force today (the handheld caches them)',
    responses: { 200: json(k.PcnReference, 'Reference data in force today'), ...commonResponses },
  }, async (c) => c.json(await uc.reference(c.get('deps')), 200));

  route(api, {
    operationId: 'listPcns', method: 'get', path: base, access: 'enforcement.read', tags,
    summary: 'The PCN register, filtered (status, code, area, officer, London days issued, registration), sorted and paged, each with what is payable today and its next step',
    request: { query: k.PcnsQuery }, responses: { 200: json(k.PcnList, 'The PCNs'), ...commonResponses },
  }, async (c) => c.json(await uc.listPcns(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportPcnsCsv', method: 'get', path: `${base}.csv`, access: 'enforcement.read', tags,
    summary: 'The same filtered, sorted register as CSV, every page (audited)',
    request: { query: k.PcnsQuery }, responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV, one PCN a row' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    await recordAudit(deps.db, requestActor(c).audit, { action: 'enforcement.pcns.exported', details: { format: 'csv', filter: JSON.parse(JSON.stringify(query)) } });
    return csvDownload(c, {
      filename: `pcns-${londonDay()}.csv`, header: PCNS_CSV_HEADER, batches: uc.streamPcns(deps, query),
      toRow: ({ row, summary: s }) => [
        s.number, formatTimestamp(s.issuedAt), s.statusLabel, s.code, s.level, s.area.name, s.vrm, s.street, s.issuedBy.name, money(row.amount_pence),
        money(s.payableNowPence), money(s.outstandingPence), s.nextStep?.label ?? '', s.nextStep?.fromDay ?? '', s.nextStep?.byDay ?? '',
      ],
    }) as never;
  });

  route(api, {
    operationId: 'getPcnWorklist', method: 'get', path: `${base}/worklist`, access: 'enforcement.read', tags,
    summary: 'What is due: open PCNs whose next step may be taken now or falls due within the days asked (notices to owner due, representations nearing 56 days…), soonest first',
    request: { query: k.PcnWorklistQuery }, responses: { 200: json(k.PcnWorklist, 'The worklist'), ...commonResponses },
  }, async (c) => c.json(await uc.worklist(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'getPcn', method: 'get', path: `${base}/{id}`, access: 'enforcement.read', tags,
    summary: 'A PCN with its events, what is payable today and its next step',
    request: { params }, responses: { 200: json(k.PcnDetail, 'The PCN'), ...commonResponses },
  }, async (c) => c.json(await uc.getPcn(c.get('deps'), c.req.valid('param').id), 200));

  route(api, {
    operationId: 'getPcnNoticePdf', method: 'get', path: `${base}/{id}/notice.pdf`, access: 'enforcement.read', tags,
    summary: 'The penalty charge notice as a PDF: what regulation 9 requires (date, authority, registration, time, grounds, amount, discount, how to pay) (audited)',
    request: { params }, responses: { 200: { content: { 'application/pdf': { schema: z.string() } }, description: 'PDF' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const pcn = await uc.getPcn(deps, c.req.valid('param').id);
    const pdf = await pcnNoticePdf({ pcn, councilName: deps.config.council.name });
    await recordAudit(deps.db, requestActor(c).audit, { action: 'enforcement.pcn.printed', recordType: 'pcn', recordId: pcn.id, details: { number: pcn.number } });
    c.header('content-type', 'application/pdf');
    c.header('cache-control', 'no-store');
    c.header('content-disposition', `inline; filename="${pcn.number}.pdf"`);
    return c.body(new Uint8Array(pdf)) as never;
  });

  const step = <S extends z.ZodType>({ operationId, path, schema, summary, toStep }: {
    operationId: string; path: string; schema: S; summary: string;
    toStep: (input: z.output<S>) => { step: PenaltyStep; extra?: uc.StepExtra };
  }) => route(api, {
    operationId, method: 'post', path: `${base}/{id}/${path}`, access: 'enforcement.process', tags, summary,
    request: { params, ...body(schema) }, responses: { 200: json(k.PcnDetail, 'The PCN now'), ...commonResponses, ...refused },
  }, async (c) => {
    const req = c.req as unknown as { valid(t: 'param'): { id: string }; valid(t: 'json'): z.output<S> };
    const { step: s, extra } = toStep(req.valid('json'));
    return c.json(await uc.takeStep(c.get('deps'), { actor: requestActor(c), id: req.valid('param').id, step: s, extra }), 200);
  });

  type Plain = z.output<typeof k.PcnStepInput>;
  const plain = (kind: 'informal_challenge' | 'notice_to_owner' | 'representations' | 'appeal' | 'charge_certificate' | 'order_for_recovery' | 'warrant') =>
    (i: Plain) => ({ step: { kind, day: i.day } as PenaltyStep, extra: { note: i.note } });
  step({ operationId: 'payPcn', path: 'payments', schema: k.PcnPaymentInput, summary: 'Record a payment on the day it was made: the notice is paid once what was payable that day (discount, full or charge certificate) is met (audited)',
    toStep: (i) => ({ step: { kind: 'payment', day: i.day, amountPence: i.amountPence }, extra: { method: i.method, note: i.note } }) });
  step({ operationId: 'challengePcnInformally', path: 'informal-challenge', schema: k.PcnStepInput, summary: 'Record an informal challenge received before the notice to owner (on-street PCNs) (audited)', toStep: plain('informal_challenge') });
  step({ operationId: 'decidePcnInformalChallenge', path: 'informal-challenge/decision', schema: k.PcnInformalDecisionInput,
    summary: 'Decide the informal challenge: accepted cancels the notice; rejected returns it to issued, with the discount offered again for 14 days where council policy says so (audited)',
    toStep: (i) => ({ step: { kind: 'informal_decision', day: i.day, accepted: i.outcome === 'accepted', reofferDiscount: i.reofferDiscount }, extra: { outcome: i.outcome, reofferDiscount: i.reofferDiscount, note: i.note } }) });
  step({ operationId: 'servePcnNoticeToOwner', path: 'notice-to-owner', schema: k.PcnStepInput, summary: 'Record the notice to owner served: not before the 28-day payment period ends, not later than 6 months beginning with the contravention (audited)', toStep: plain('notice_to_owner') });
  step({ operationId: 'receivePcnRepresentations', path: 'representations', schema: k.PcnStepInput, summary: 'Record formal representations received within 28 days of the notice to owner (or of a postal PCN) (audited)', toStep: plain('representations') });
  step({ operationId: 'decidePcnRepresentations', path: 'decision', schema: k.PcnDecisionInput, summary: 'Decide the representations: accepted cancels; rejected serves the notice of rejection. After 56 days beginning with receipt they are deemed accepted and only cancelling is allowed (audited)',
    toStep: (i) => ({ step: { kind: 'representations_decision', day: i.day, accepted: i.outcome === 'accepted' }, extra: { outcome: i.outcome, note: i.note } }) });
  step({ operationId: 'lodgePcnAppeal', path: 'appeal', schema: k.PcnStepInput, summary: 'Record an appeal to the adjudicator lodged within 28 days of the notice of rejection (audited)', toStep: plain('appeal') });
  step({ operationId: 'decidePcnAppeal', path: 'appeal/decision', schema: k.PcnAppealDecisionInput, summary: 'Record the adjudicator’s decision: allowed cancels; dismissed leaves the charge payable (audited)',
    toStep: (i) => ({ step: { kind: 'appeal_decision', day: i.day, allowed: i.outcome === 'allowed' }, extra: { outcome: i.outcome, note: i.note } }) });
  step({ operationId: 'servePcnChargeCertificate', path: 'charge-certificate', schema: k.PcnStepInput, summary: 'Record the charge certificate served (+50%), once the 28 days after the notice to owner, notice of rejection or dismissed appeal have passed unpaid (audited)', toStep: plain('charge_certificate') });
  step({ operationId: 'registerPcnOrderForRecovery', path: 'order-for-recovery', schema: k.PcnStepInput, summary: 'Record the debt registered at the Traffic Enforcement Centre (order for recovery), once the charge certificate is 14 days unpaid (audited)', toStep: plain('order_for_recovery') });
  step({ operationId: 'requestPcnWarrant', path: 'warrant', schema: k.PcnStepInput, summary: 'Record the warrant of control requested, once 21 days have passed since the order for recovery (audited)', toStep: plain('warrant') });
  step({ operationId: 'cancelPcn', path: 'cancel', schema: k.PcnCloseInput, summary: 'Cancel the notice, with the reason (audited)', toStep: (i) => ({ step: { kind: 'cancel', day: i.day }, extra: { note: i.note } }) });
  step({ operationId: 'writeOffPcn', path: 'write-off', schema: k.PcnCloseInput, summary: 'Write the notice off as unrecoverable, with the reason (audited)', toStep: (i) => ({ step: { kind: 'write_off', day: i.day }, extra: { note: i.note } }) });
}
