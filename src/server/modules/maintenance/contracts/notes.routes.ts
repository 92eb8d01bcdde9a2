import { z } from '@hono/zod-openapi';
import { requestActor as actor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { pathId } from '../../../../domain/primitives';
import { formatTimestamp, londonDay } from '../../../../domain/calendar/london';
import { labelOf } from '../../../../domain/labels';
import * as k from '../../../../domain/maintenance/contract';
import * as uc from './notes.usecases';
import { registerContractorsRoutes } from './contractors.routes';

// Underperformance and non-compliance notes: HTTP only. Reading (and the CSV) is maintenance.read;
// recording a note or a correction maintenance.manage (coordinators). Contractors reach none of it.

const tags = ['Maintenance'];
const params = z.object({ id: pathId('id') });
const BASE = '/api/v1/maintenance/contracts/{id}/notes';

export const NOTES_CSV_HEADER = ['occurred_on', 'kind', 'note', 'corrects_note_id', 'corrected_by_note_id', 'recorded_by', 'recorded_at', 'id'];

export function registerContractNotesRoutes(api: Api) {
  registerContractorsRoutes(api);
  route(api, {
    operationId: 'listMaintenanceContractNotes', method: 'get', path: BASE, access: 'maintenance.read', tags,
    summary: 'A contract\'s underperformance and non-compliance notes (missed visits, staffing…), the latest happened first, by kind and month',
    request: { params, query: k.ContractNotesQuery }, responses: { 200: json(k.ContractNotes, 'The notes'), ...commonResponses },
  }, async (c) => c.json(await uc.listNotes(c.get('deps'), { contractId: c.req.valid('param').id, filter: c.req.valid('query') }), 200));

  route(api, {
    operationId: 'exportMaintenanceContractNotesCsv', method: 'get', path: `${BASE}.csv`, access: 'maintenance.read', tags,
    summary: 'The same notes as CSV (spreadsheet formulas neutralised)',
    request: { params, query: k.ContractNotesQuery },
    responses: { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV' }, ...commonResponses },
  }, async (c) => {
    const deps = c.get('deps');
    const contractId = c.req.valid('param').id;
    const contract = await uc.checkNotesExport(deps, { contractId });
    return csvDownload(c, {
      filename: `contract-notes-${contract.reference.replace(/[^A-Z0-9-]/g, '-')}-${londonDay()}.csv`, header: NOTES_CSV_HEADER,
      batches: uc.noteBatches(deps, { contractId, filter: c.req.valid('query') }),
      toRow: (n) => [n.occurred_on, labelOf(k.CONTRACT_NOTE_KINDS, n.kind), n.note, n.corrects_note_id, n.corrected_by_note_id, n.recorded_by_name, formatTimestamp(n.recorded_at), n.id],
    }) as never;
  });

  route(api, {
    operationId: 'addMaintenanceContractNote', method: 'post', path: BASE, access: 'maintenance.manage', tags,
    summary: 'Record an underperformance or non-compliance note against a contract, or a correction of one (a new note naming the note it corrects; notes are never changed) (audited)',
    request: { params, ...body(k.AddContractNote) }, responses: { 201: json(k.ContractNote, 'Recorded'), ...commonResponses },
  }, async (c) => c.json(await uc.addNote(c.get('deps'), { actor: actor(c), contractId: c.req.valid('param').id, input: c.req.valid('json') }), 201));
}
