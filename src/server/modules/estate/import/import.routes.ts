import { z } from '@hono/zod-openapi';
import { route, requestActor, type Api } from '../../../platform/http/route';
import { commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { AppError, validationFailed } from '../../../platform/http/errors';
import { EstateImportRequest, EstateImportResult, IMPORT_MAX_BYTES } from '../../../../domain/estate/import/contract';
import { decodeCsv } from '../../../../domain/estate/import/parse';
import { importRegister } from './import.usecases';

/** The import's path: app.ts gives it a body limit of its own (a register is larger than other JSON bodies). */
export const ESTATE_IMPORT_PATH = '/api/v1/cameras/import';
/** A JSON body carries the CSV escaped (quotes and line breaks doubled in size at worst). */
export const ESTATE_IMPORT_BODY_LIMIT = 2 * IMPORT_MAX_BYTES + 64 * 1024;

const Query = z.object({
  dryRun: z.enum(['true', 'false']).default('false').describe('true: check the file and say what an import would do, writing nothing.'),
  fileName: z.string().trim().min(1).max(200).optional().describe('With a text/csv body: the file\'s name, for the history.'),
  confirm: z.string().max(200_000).optional().describe('With a text/csv body: confirmed renumberings, new camera numbers separated by commas.'),
});

export function registerImportRoutes(api: Api) {
  route(api, {
    operationId: 'importCameraRegister', method: 'post', path: ESTATE_IMPORT_PATH, access: 'estate.manage', tags: ['Cameras'],
    summary: 'Import a camera register from CSV (dry run or for real)',
    description: 'The register as CSV, posted as `text/csv` or inside JSON with a hand mapping of headers and the renumberings confirmed. '
      + 'Cameras are matched on their number: new ones are added, changed ones updated (their history keeps each version), the same file twice changes nothing. '
      + 'Every bad row is listed with its line and reasons, and nothing is imported while there is one. A new number standing within 5 m of a camera the file does not name is flagged as a renumbering until confirmed. At most 10 MB.',
    request: {
      query: Query,
      body: { content: { 'application/json': { schema: EstateImportRequest }, 'text/csv': { schema: z.string().meta({ description: 'The register as CSV text' }) } }, required: false },
    },
    responses: { 200: json(EstateImportResult, 'What the import did, or on a dry run would do'), ...commonResponses, 413: problemResponse('The register is larger than 10 MB'), 415: problemResponse('Not sent as text/csv or JSON') },
  }, async (c) => {
    const query = c.req.valid('query');
    const type = c.req.header('content-type') ?? '';
    let input: EstateImportRequest;
    if (/^application\/([\w.+-]+\+)?json\b/i.test(type)) input = c.req.valid('json') as EstateImportRequest;
    else if (/^text\/(csv|plain)\b/i.test(type)) {
      // The bytes as the command line and the browser read a file: UTF-8, or Windows-1252 as older Excel saves CSV.
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.byteLength > IMPORT_MAX_BYTES) throw new AppError({ code: 'http.payload_too_large', status: 413, message: 'The register is larger than 10 MB: split it.' });
      input = { csv: decodeCsv(bytes), fileName: query.fileName, confirm: query.confirm?.split(',').map((n) => n.trim()).filter(Boolean) };
    } else throw new AppError({ code: 'estate.import_not_csv', status: 415, message: 'Send the register as text/csv, or as JSON { csv, mapping, confirm }.' });
    if (!input.csv?.trim()) throw validationFailed([{ path: 'csv', message: 'Attach the register as CSV text.' }]);
    const result = await importRegister(c.get('deps'), { actor: requestActor(c), input: { ...input, dryRun: query.dryRun === 'true' } });
    return c.json(result, 200);
  });
}
