import { z } from '@hono/zod-openapi';
import { route, type Api } from '../../../platform/http/route';
import { commonResponses, json } from '../../../platform/http/openapi';
import { listContractorOrganisations } from './contractors.repository';

// The organisations a contract may be set up with, for the coordinator's form (maintenance.manage):
// the organisations list itself is for user administrators only.

const ContractorOrganisations = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }).meta({ id: 'MaintenanceContractorOrganisations' });

export function registerContractorsRoutes(api: Api) {
  route(api, {
    operationId: 'listMaintenanceContractorOrganisations', method: 'get', path: '/api/v1/maintenance/contractor-organisations', access: 'maintenance.manage', tags: ['Maintenance'],
    summary: 'The organisations registered as contractors, by name: those a maintenance contract may be set up with',
    responses: { 200: json(ContractorOrganisations, 'The contractors'), ...commonResponses },
  }, async (c) => c.json({ items: await listContractorOrganisations(c.get('deps').db) }, 200));
}
