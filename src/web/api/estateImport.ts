import { api } from './client';
import type { EstateImportRequest, EstateImportResult } from '../../domain/estate/import/contract';

// Importing a camera register from CSV: a dry run that says what would happen, then the import itself,
// each with the file's text, the columns mapped by hand and the renumberings confirmed.

export type { EstateImportRequest, EstateImportResult };
export { IMPORT_MAX_BYTES } from '../../domain/estate/import/contract';
export { FIELD_LABELS, MAPPING_TARGETS, type ImportField, type MappingTarget } from '../../domain/estate/import/columns';

export const importCameraRegister = (body: EstateImportRequest, { dryRun }: { dryRun: boolean }) =>
  api<EstateImportResult>('/cameras/import', { method: 'POST', query: { dryRun: dryRun ? 'true' : undefined }, body });
