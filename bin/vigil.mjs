#!/usr/bin/env node
// The `vigil` command: the server as compiled at install (dist/server, by scripts/ensure-server-build.mjs),
// or, where the TypeScript sources have changed since (a development tree) or VIGIL_FROM_SOURCE=true,
// the sources themselves through tsx, which compiles them at every start (several seconds).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isServerBuildStale, SERVER_MAIN } from '../scripts/ensure-server-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.env.VIGIL_FROM_SOURCE !== 'true' && !isServerBuildStale(root)) {
  await import(pathToFileURL(`${root}/${SERVER_MAIN}`).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(`${root}/src/server/main.ts`).href);
}
