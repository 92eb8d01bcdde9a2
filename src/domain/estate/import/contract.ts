import { z } from 'zod';
import { MAPPING_TARGETS } from './columns';

// The camera register import's contract between server, command line and web app.

/** The largest register accepted: some 50,000 cameras of a dozen columns. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

const number = z.string().trim().min(1).max(16);

export const EstateImportRequest = z.object({
  csv: z.string().min(1, 'Attach the register as CSV text.').max(IMPORT_MAX_BYTES, 'The register is larger than 10 MB: split it.'),
  fileName: z.string().trim().min(1).max(200).optional().describe('The file\'s name, for the history ("imported from register.csv").'),
  mapping: z.record(z.string().min(1).max(200), z.enum(MAPPING_TARGETS)).optional()
    .describe('Columns mapped to fields by hand, where a header is not one the import knows: { "Cam Ref": "number", "Notes": "ignore" }. '
      + 'A key `#N` names the N-th column by its position (`#1` the first), for a column without a header or two columns with the same one: { "#3": "name" }.'),
  confirm: z.array(number).max(10_000).optional().describe('New camera numbers flagged as renumberings on an earlier run that the user confirms: the camera standing there takes the new number and keeps its history.'),
}).meta({ id: 'EstateImportRequest' });
export type EstateImportRequest = z.infer<typeof EstateImportRequest>;

const line = z.number().int().describe('The line of the file the row starts on (the header is line 1).');
export const EstateImportResult = z.object({
  outcome: z.enum(['dry_run', 'imported', 'refused']).describe('dry_run: nothing written; imported: written in one transaction; refused: nothing written because some rows have errors.'),
  fileName: z.string(),
  rows: z.number().int().describe('Camera rows read (blank lines aside).'),
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable(), by: z.enum(['synonym', 'mapping']).nullable() })),
  unknownHeaders: z.array(z.string()).describe('Headers the import did not recognise (their columns are left out): map them by hand if they hold a field.'),
  counts: z.object({ added: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), flagged: z.number().int(), refused: z.number().int() }),
  added: z.array(z.object({ line, number: z.string(), name: z.string() })),
  updated: z.array(z.object({ line, number: z.string(), changed: z.array(z.string()), renumberedFrom: z.string().optional() })),
  unchanged: z.array(z.object({ line, number: z.string() })),
  flagged: z.array(z.object({ line, number: z.string(), existing: z.string(), metres: z.number(), reason: z.string() })),
  refused: z.array(z.object({ line, number: z.string().nullable(), reasons: z.array(z.string()) })),
}).meta({ id: 'EstateImportResult' });
export type EstateImportResult = z.infer<typeof EstateImportResult>;
