#!/usr/bin/env node
// The `vigil` command. TypeScript sources run through tsx, so no build step is needed for the server.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const main = fileURLToPath(new URL('../src/server/main.ts', import.meta.url));
await import(main);
