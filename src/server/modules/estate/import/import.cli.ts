import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../../config';
import type { Deps } from '../../../platform/deps';
import { findUserByUsername } from '../../../platform/auth/auth.repository';
import { SYSTEM_ACTOR } from '../../../platform/audit/audit';
import { MAPPING_TARGETS, type MappingTarget } from '../../../../domain/estate/import/columns';
import type { EstateImportResult } from '../../../../domain/estate/import/contract';
import { decodeCsv } from '../../../../domain/estate/import/parse';
import { importRegister, type ImportActor } from './import.usecases';

// `vigil estate import FILE [--dry-run] [--json] [--map HEADER=FIELD | #N=FIELD] [--confirm NUMBER] [--as USERNAME]`:
// what was added, updated, flagged and refused, one line each; exits 1 when any row was refused or
// waits for a renumbering to be confirmed.

type Write = (s: string) => void;

/** `--map "Cam Ref=number"` (or `--map "#3=number"`, the third column) options as a mapping, or the reason one is wrong. */
export function parseMapOptions(options: readonly string[]): { mapping: Record<string, MappingTarget> } | { error: string } {
  const mapping: Record<string, MappingTarget> = {};
  for (const o of options) {
    const at = o.lastIndexOf('=');
    const header = o.slice(0, at).trim(); const field = o.slice(at + 1).trim();
    if (at < 1 || !header) return { error: `--map takes HEADER=FIELD or #N=FIELD for the N-th column (such as --map "Cam Ref=number" or --map "#3=name"), not "${o}".` };
    if (!(MAPPING_TARGETS as readonly string[]).includes(field)) return { error: `--map "${o}": "${field}" is not a field. Fields: ${MAPPING_TARGETS.join(', ')}.` };
    mapping[header] = field as MappingTarget;
  }
  return { mapping };
}

export function describeResult(r: EstateImportResult, write: Write) {
  const known = r.columns.flatMap((c, i) => (c.field ? [`${c.header || `#${i + 1}`} = ${c.field}`] : []));
  write(`${r.fileName}: ${r.rows} camera row(s). Columns: ${known.join(', ') || 'none recognised'}.`);
  if (r.unknownHeaders.length) write(`Columns left out (map them with --map "HEADER=FIELD", or --map "#N=FIELD" for the N-th column, if they hold a field): ${r.unknownHeaders.join(', ')}.`);
  for (const a of r.added) write(`ADDED      line ${a.line}  ${a.number}  ${a.name}`);
  for (const u of r.updated) write(`UPDATED    line ${u.line}  ${u.number}${u.renumberedFrom ? ` (was ${u.renumberedFrom})` : ''}  ${u.changed.join(', ')}`);
  for (const f of r.flagged) write(`FLAGGED    line ${f.line}  ${f.number}  ${f.reason} (--confirm ${f.number})`);
  for (const x of r.refused) write(`REFUSED    line ${x.line}  ${x.number ?? '-'}  ${x.reasons.join('; ')}`);
  const c = r.counts;
  const tally = `${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged, ${c.flagged} flagged, ${c.refused} refused`;
  write(r.outcome === 'dry_run' ? `Dry run, nothing imported. Would be: ${tally}.`
    : r.outcome === 'refused' ? `Nothing imported: ${c.refused} row(s) refused. Correct them (or check with --dry-run) and import again.`
    : `Imported: ${tally}.`);
}

export async function runEstateImport(deps: Deps, { file, dryRun, json, map = [], confirm = [], actor, write }: {
  file: string; dryRun: boolean; json: boolean; map?: readonly string[]; confirm?: readonly string[]; actor?: ImportActor; write: Write;
}): Promise<number> {
  const mapped = parseMapOptions(map);
  if ('error' in mapped) throw new Error(mapped.error);
  const csv = decodeCsv(await fs.readFile(file));
  const result = await importRegister(deps, {
    actor: actor ?? { audit: { ...SYSTEM_ACTOR, userAgent: 'vigil estate import' }, userId: null },
    input: { csv, fileName: path.basename(file), mapping: mapped.mapping, confirm: confirm.flatMap((n) => n.split(',')).map((n) => n.trim()).filter(Boolean), dryRun },
  });
  if (json) write(JSON.stringify(result, null, 2));
  else describeResult(result, write);
  return result.counts.refused || result.counts.flagged ? 1 : 0;
}

/** The command as `vigil estate import` runs it: the database opened, the user named by --as (or the system) as the actor. */
export async function runEstateImportCommand(config: Config, opts: { file: string; dryRun: boolean; json: boolean; map: string[]; confirm: string[]; as?: string }) {
  const stat = await fs.stat(opts.file).catch(() => undefined);
  if (!stat?.isFile()) throw new Error(`There is no file "${opts.file}".`);
  const { withDeps } = await import('../../../cli');
  await withDeps(config, async (deps) => {
    let actor: ImportActor | undefined;
    if (opts.as) {
      const user = await findUserByUsername(deps.db, opts.as);
      if (!user || !user.is_active) throw new Error(`There is no active user "${opts.as}".`);
      actor = { audit: { actorId: user.id, actorUsername: user.username, ip: null, userAgent: 'vigil estate import' }, userId: user.id };
    }
    process.exitCode = await runEstateImport(deps, { ...opts, actor, write: (s) => process.stdout.write(`${s}\n`) });
  });
}
