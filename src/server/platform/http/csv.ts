import type { Context } from 'hono';
import { stringify } from 'csv-stringify/sync';
import type { AppEnv } from './route';

// CSV for spreadsheets: a cell that starts with = + - @ (or tab/CR) would run as a formula in Excel,
// so it is prefixed with an apostrophe (OWASP "CSV injection").
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

export function csvRows(rows: unknown[][]): string {
  return stringify(rows.map((r) => r.map(neutraliseCell)), { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/**
 * A CSV download, streamed batch by batch (each batch an array of items, each item a row through
 * `toRow`). The first batch is read before answering: a query that fails at once throws to the
 * app's error handler (a problem+json 500 or 503), never a 200 holding only the header row. A failure
 * after that errors the body, which cuts the connection before the chunked response's end, so the
 * browser reports the download as failed instead of saving a file that looks complete.
 */
export async function csvDownload<T>(c: Context<AppEnv>, { filename, header, batches, toRow }: {
  filename: string; header: string[]; batches: AsyncIterable<T[]>; toRow: (item: T) => unknown[];
}): Promise<Response> {
  const iterator = batches[Symbol.asyncIterator]();
  let next: IteratorResult<T[]> | undefined = await iterator.next();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRows([header])));
    },
    async pull(controller) {
      try {
        const batch = next ?? (await iterator.next());
        next = undefined;
        if (batch.done) controller.close();
        else controller.enqueue(encoder.encode(csvRows(batch.value.map(toRow))));
      } catch (err) {
        c.get('log')?.error({ err, filename }, 'CSV export failed part-way: the download was cut short');
        controller.error(new Error('The export failed part-way; the download is incomplete.'));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  });
}
