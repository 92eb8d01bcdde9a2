import type { Db } from '../../../platform/db/db';

/** The organisations registered as contractors, by name: those a contract may be set up with. */
export const listContractorOrganisations = (db: Db) =>
  db.selectFrom('organisations').select(['id', 'name']).where('kind', '=', 'contractor').orderBy('name').orderBy('id').execute();
