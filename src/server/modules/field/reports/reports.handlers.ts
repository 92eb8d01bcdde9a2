import type { SyncKind } from '../../../../domain/field/sync';
import type { FieldSyncHandler } from '../handheld/handheld.handlers';

/** How the sync applies car-park inspections, defects and ASB reports (filled in by the reports area). */
export const REPORT_HANDLERS: Partial<Record<SyncKind, FieldSyncHandler>> = {};
