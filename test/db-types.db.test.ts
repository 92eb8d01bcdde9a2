import { readFileSync } from 'node:fs';
import { expect, inject, it } from 'vitest';
import { DB_TYPES_FILE, generateDbTypes } from '../scripts/db-types';

// db.types.ts is generated from the migrated schema: a migration without `npm run db:types` fails here.

it('db.types.ts is what kysely-codegen makes of the migrated database (run `npm run db:types` if not)', async () => {
  const generated = await generateDbTypes(inject('databaseUrl'));
  expect(readFileSync(DB_TYPES_FILE, 'utf8'), 'src/server/platform/db/db.types.ts is stale: run npm run db:types').toBe(generated);
});

it('turns CHECK constraints that list values into unions', async () => {
  const generated = await generateDbTypes(inject('databaseUrl'));
  expect(generated).toContain('stage: "active" | "mfa" | "mfa_enrolment" | "password_change";');
  expect(generated).toContain('status: Generated<"open" | "closed">;');
});
