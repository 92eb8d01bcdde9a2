import type { EstateImportResult } from './contract';
import type { ParsedRegister } from './parse';
import type { ImportPlan } from './plan';

// What an import did, or would do: the same structure from the API, the command line and the web app.

export function importResult({ parsed, plan, outcome, fileName }: {
  parsed: ParsedRegister; plan: ImportPlan; outcome: EstateImportResult['outcome']; fileName: string;
}): EstateImportResult {
  const flagged = plan.flagged.map((f) => ({
    line: f.row.line, number: f.row.number, existing: f.camera.reference, metres: Math.round(f.metres * 10) / 10,
    reason: `renumbered? ${f.row.number} is new but stands ${(Math.round(f.metres * 10) / 10).toFixed(1)} m from camera ${f.camera.reference}, which is not in this file. `
      + `Confirm ${f.row.number} to renumber ${f.camera.reference} as ${f.row.number} (its history is kept), or keep ${f.camera.reference} in the file if both cameras exist.`,
  }));
  return {
    outcome,
    fileName,
    rows: parsed.records,
    columns: parsed.columns.map((c) => ({ header: c.header, field: c.field, by: c.by })),
    unknownHeaders: parsed.unknownHeaders,
    counts: { added: plan.add.length, updated: plan.update.length, unchanged: plan.unchanged.length, flagged: flagged.length, refused: parsed.problems.length + plan.refused.length },
    added: plan.add.map((a) => ({ line: a.row.line, number: a.row.number, name: a.values.name })),
    updated: plan.update.map((u) => ({ line: u.row.line, number: u.row.number, changed: u.renumberedFrom ? ['number', ...u.changed] : u.changed, ...(u.renumberedFrom ? { renumberedFrom: u.renumberedFrom } : {}) })),
    unchanged: plan.unchanged.map((u) => ({ line: u.row.line, number: u.row.number })),
    flagged,
    refused: [...parsed.problems.map((p) => ({ line: p.line, number: p.number, reasons: p.reasons })), ...plan.refused.map((r) => ({ line: r.row.line, number: r.row.number, reasons: r.reasons }))]
      .sort((a, b) => a.line - b.line),
  };
}
