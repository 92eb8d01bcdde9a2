import type { AnyRoute } from '@tanstack/react-router';
import { occurrenceRoutes } from './routes/occurrences/routes';
import { sharedRoutes } from './routes/shared/routes';
import { evidenceRoutes } from './routes/evidence/routes';
import { evidenceRetentionRoutes } from './routes/evidence/retention/routes';
import { estateRoutes } from './routes/estate/routes';
import { maintenanceRoutes } from './routes/maintenance/routes';
import { requestRoutes } from './routes/requests/routes';
import { partnerRequestRoutes } from './routes/partner-requests/routes';
import { oohRoutes } from './routes/ooh/routes';
import { fieldRoutes } from './routes/field/routes';
import { enforcementRoutes } from './routes/enforcement/routes';

/**
 * Each module's pages, one line a module: a function that makes its routes under the signed-in
 * part of the app. The server's registry (src/server/modules/registry.ts) puts them in the
 * navigation; a module not built yet shows its "coming soon" page from there.
 */
export const MODULE_ROUTES: readonly (<P extends AnyRoute>(parent: P) => readonly AnyRoute[])[] = [
  occurrenceRoutes,
  sharedRoutes,
  evidenceRoutes,
  evidenceRetentionRoutes,
  estateRoutes,
  maintenanceRoutes,
  requestRoutes,
  partnerRequestRoutes,
  oohRoutes,
  fieldRoutes,
  enforcementRoutes,
];
