import { z } from '@hono/zod-openapi';
import { requestActor as actor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { pathId } from '../../../../domain/primitives';
import { isValidDay } from '../../../../domain/calendar/london';
import * as k from '../../../../domain/maintenance/contract';
import * as uc from './contracts.usecases';
import { registerContractNotesRoutes } from './notes.routes';

// Maintenance contracts: HTTP only. Reading is maintenance.read (the control room, coordinators,
// out-of-hours officers); setting up and changing a contract and its closure days
// maintenance.manage (coordinators); dating new SLA terms settings.manage (administrators).
// Contractors and agencies reach none of it (404).

const tags = ['Maintenance'];
const params = z.object({ id: pathId('id') });
const dayParams = params.extend({
  day: z.string().refine(isValidDay, 'The day in the address is not a date (YYYY-MM-DD)').meta({ param: { name: 'day', in: 'path' }, format: 'date' }),
});
const BASE = '/api/v1/maintenance/contracts';

export function registerContractsRoutes(api: Api) {
  route(api, {
    operationId: 'listMaintenanceContracts', method: 'get', path: BASE, access: 'maintenance.read', tags,
    summary: 'The maintenance contracts, by reference, each with its contractor and term',
    responses: { 200: json(k.ContractList, 'The contracts'), ...commonResponses },
  }, async (c) => c.json(await uc.listContracts(c.get('deps')), 200));

  route(api, {
    operationId: 'createMaintenanceContract', method: 'post', path: BASE, access: 'maintenance.manage', tags,
    summary: 'Set up a maintenance contract with a contractor organisation: its term, the working-hours clock\'s days and hours, the monthly charge and any service-credit rule (audited)',
    request: body(k.CreateContract),
    responses: { 201: json(k.Contract, 'Set up'), ...commonResponses, 409: problemResponse('That contract reference is taken') },
  }, async (c) => c.json(await uc.createContract(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getMaintenanceContract', method: 'get', path: `${BASE}/{id}`, access: 'maintenance.read', tags,
    summary: 'A maintenance contract: its contractor, term, working hours, monthly charge and service-credit rule',
    request: { params }, responses: { 200: json(k.Contract, 'The contract'), ...commonResponses },
  }, async (c) => c.json(await uc.getContract(c.get('deps'), { contractId: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'updateMaintenanceContract', method: 'patch', path: `${BASE}/{id}`, access: 'maintenance.manage', tags,
    summary: 'Change a contract\'s name, end, working days and hours, monthly charge or service-credit rule, with the reason; the audit trail keeps the old and new values',
    request: { params, ...body(k.UpdateContract) }, responses: { 200: json(k.Contract, 'Changed'), ...commonResponses },
  }, async (c) => c.json(await uc.updateContract(c.get('deps'), { actor: actor(c), contractId: c.req.valid('param').id, input: c.req.valid('json') }), 200));

  route(api, {
    operationId: 'listMaintenanceSlaTerms', method: 'get', path: `${BASE}/{id}/sla-terms`, access: 'maintenance.read', tags,
    summary: 'A contract\'s SLA terms: those in force now for each priority, those set to take effect later, and every term ever set',
    request: { params }, responses: { 200: json(k.SlaTerms, 'The terms'), ...commonResponses },
  }, async (c) => c.json(await uc.listSlaTerms(c.get('deps'), { contractId: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'setMaintenanceSlaTerms', method: 'post', path: `${BASE}/{id}/sla-terms`, access: 'settings.manage', tags,
    summary: 'Date new SLA terms for one or more priorities (administrators): the clock, response and fix times, from a moment not in the past, with the reason. Earlier terms are kept; faults raised from then on run on the new ones (audited)',
    request: { params, ...body(k.SetSlaTerms) },
    responses: { 201: json(k.SlaTerms, 'Set: the contract\'s terms now'), ...commonResponses, 409: problemResponse('Terms for one of those priorities already take effect at that moment') },
  }, async (c) => c.json(await uc.setSlaTerms(c.get('deps'), { actor: actor(c), contractId: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'listMaintenanceClosureDays', method: 'get', path: `${BASE}/{id}/closure-days`, access: 'maintenance.read', tags,
    summary: 'The days besides weekends and bank holidays on which the contract\'s working-hours clock does not run, earliest first',
    request: { params }, responses: { 200: json(k.ClosureDays, 'The closure days'), ...commonResponses },
  }, async (c) => c.json(await uc.listClosureDays(c.get('deps'), { contractId: c.req.valid('param').id }), 200));

  route(api, {
    operationId: 'addMaintenanceClosureDay', method: 'post', path: `${BASE}/{id}/closure-days`, access: 'maintenance.manage', tags,
    summary: 'Add a closure day from tomorrow on, with the reason (audited)',
    request: { params, ...body(k.AddClosureDay) },
    responses: { 201: json(k.ClosureDay, 'Added'), ...commonResponses, 409: problemResponse('Already a closure day') },
  }, async (c) => c.json(await uc.addClosureDay(c.get('deps'), { actor: actor(c), contractId: c.req.valid('param').id, input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'removeMaintenanceClosureDay', method: 'delete', path: `${BASE}/{id}/closure-days/{day}`, access: 'maintenance.manage', tags,
    summary: 'Remove a closure day that has not begun (audited): faults\' clocks have already counted the days before',
    request: { params: dayParams },
    responses: { 200: json(k.ClosureDay, 'Removed'), ...commonResponses, 409: problemResponse('The day has begun or passed') },
  }, async (c) => {
    const { id, day } = c.req.valid('param');
    return c.json(await uc.removeClosureDay(c.get('deps'), { actor: actor(c), contractId: id, day }), 200);
  });

  registerContractNotesRoutes(api);
}
