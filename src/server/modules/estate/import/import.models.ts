import type { ImportPlan } from '../../../../domain/estate/import/plan';
import type { CameraWrite } from './import.repository';

// What the import writes for its plan: each camera's fields and the reason its history will give.

/** The file's name as the history gives it: no folders, one line, at most 200 characters. */
export function displayFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001F\u007F-\u009F]/g, '').trim();
  return (base || 'an uploaded register').slice(0, 200);
}

export function writesFor(plan: ImportPlan, fileName: string) {
  const reason = `imported from ${fileName}`;
  return {
    inserts: plan.add.map((a): CameraWrite => ({ reference: a.row.number, values: a.values, reason })),
    updates: plan.update.map((u): CameraWrite & { id: string } => ({
      id: u.id, reference: u.row.number, values: u.values, reason: u.renumberedFrom ? `renumbered from ${u.renumberedFrom}, ${reason}` : reason,
    })),
  };
}
