import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from './db';

// Bulk inserts by COPY … FROM STDIN, inside whatever transaction the caller holds. Kysely has no
// COPY, so the statement goes through it marked (COPY_IN, with its data as the one parameter) and
// the connection's query function, wrapped when the pool makes it (db.ts), carries it out with
// pg's copy-in protocol. Triggers fire as for INSERT (statement-level ones with their transition
// tables), constraints hold, and it is several times quicker than a parameterised INSERT.

export const COPY_IN = '/* copy-in */ ';

type Cell = string | number | boolean | Date | null | undefined | readonly string[];

/** A value as COPY's CSV takes it: empty for NULL, text always quoted (so '' stays ''), arrays as literals. */
function csvCell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot COPY ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  const text = typeof v === 'string' ? v : `{${v.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Inserts the rows (each a value per column, in order) into `table` with one COPY. */
export async function copyRows(db: Db, { table, columns, rows }: { table: string; columns: readonly string[]; rows: readonly (readonly Cell[])[] }) {
  if (!rows.length) return;
  const ident = (name: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain identifier: ${name}`);
    return name;
  };
  let data = '';
  for (const row of rows) data += `${row.map(csvCell).join(',')}\n`;
  await sql`${sql.raw(`${COPY_IN}copy ${ident(table)} (${columns.map(ident).join(', ')}) from stdin with (format csv)`)} ${data}`.execute(db);
}

/** COPY … FROM STDIN on a pg client: the protocol's copy-in, the data sent in 1 MB chunks. */
export function copyIn(client: pg.Client | pg.PoolClient, text: string, data: string): Promise<{ command: 'COPY'; rowCount: number; rows: never[]; fields: never[] }> {
  return new Promise((resolve, reject) => {
    let rowCount = 0;
    const submittable = {
      submit: (connection: { query(t: string): void }) => connection.query(text),
      handleCopyInResponse: (connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) => {
        const buf = Buffer.from(data);
        for (let at = 0; at < buf.length; at += 1 << 20) connection.sendCopyFromChunk(buf.subarray(at, at + (1 << 20)));
        connection.endCopyFrom();
      },
      handleCommandComplete: (msg: { text?: string }) => { rowCount = Number(/\d+$/.exec(msg.text ?? '')?.[0] ?? 0); },
      // pg forgets a query once it has failed (no ReadyForQuery reaches it): settle here.
      handleError: (err: Error) => reject(err),
      handleReadyForQuery: () => resolve({ command: 'COPY', rowCount, rows: [], fields: [] }),
    };
    client.query(submittable as never);
  });
}
