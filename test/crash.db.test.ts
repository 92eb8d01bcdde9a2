import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { freshDatabase, startServerProcess } from './support/product';

// A crash leaves its cause in the log on standard output: the fatal line with the error's message,
// after the lines the logger was still holding (it writes in the background, every 250 ms or 4 kB).

const drops: (() => Promise<void>)[] = [];
afterAll(async () => { for (const d of drops) await d(); });
const preload = pathToFileURL(path.resolve('test/support/crash-on-request.mjs')).href;

it.each([
  ['throw', 'an uncaught exception', 'Simulated crash: the disk caught fire'],
  ['reject', 'an unhandled promise rejection', 'Simulated rejection: nobody was listening'],
])('after %s, the fatal line and the last lines before it reach standard output', async (how, what, message) => {
  const db = await freshDatabase();
  drops.push(db.drop);
  const s = await startServerProcess({ databaseUrl: db.url, env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim() } });
  try {
    await fetch(`${s.url}/api/v1/test-crash/${how}`);
    expect(await s.exited).toBe(1);
    const lines = s.stdout().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, any>);
    const request = lines.findIndex((l) => l.msg === 'request' && l.path === `/api/v1/test-crash/${how}`);
    const fatal = lines.findIndex((l) => l.level === 60);
    expect(request, s.output()).toBeGreaterThanOrEqual(0);
    expect(fatal, s.output()).toBeGreaterThan(request);
    expect(lines[fatal].msg).toBe(`stopping after ${what}: ${message}`);
    expect(lines[fatal].err.message).toBe(message);
    expect(lines[fatal].err.stack).toContain('crash-on-request.mjs');
  } finally {
    await s.stop('SIGKILL');
  }
});
