import type { VigilModule } from '../platform/modules';
import type { NavigationEntry } from '../../domain/platform/contract';
import { usersModule } from './users';
import { settingsModule } from './settings';
import { estateModule } from './estate';
import { maintenanceModule } from './maintenance';
import { occurrencesModule } from './occurrences';
import { evidenceModule } from './evidence';
import { requestsModule } from './requests';
import { oohModule } from './ooh';
import { enforcementModule } from './enforcement';
import { fieldModule } from './field';

/**
 * Every module, one line each, in the order their demo history is seeded (a module seeds after
 * those it builds on). Adding a module: its folder, with an index.ts exporting a VigilModule, and
 * one line here (and one in src/web/modules.tsx for its pages).
 */
export const MODULES: readonly VigilModule[] = [
  usersModule,
  settingsModule,
  estateModule,
  maintenanceModule,
  occurrencesModule,
  evidenceModule,
  requestsModule,
  oohModule,
  fieldModule,
  enforcementModule,
];

/**
 * Modules still to be built, so that people see what is coming. A module's entry moves into its
 * own index.ts (without `coming`) the day it is built.
 */
export const PLANNED: readonly NavigationEntry[] = [
  { key: 'analysis', name: 'Analysis', path: '/analysis', permission: 'analysis.read', group: 'work', description: 'Crime data, hotspots, coverage and reports.', coming: 'Police crime data against camera coverage, hotspots, recommendations and Cabinet reports.' },
  { key: 'governance', name: 'Compliance', path: '/governance', permission: 'governance.read', group: 'work', description: 'Code of practice reviews, DPIAs and agreements.', coming: 'Surveillance Camera Code reviews, DPIAs, information-sharing agreements and SIA licences.' },
];

/** The platform's own pages (not a module's). */
const PLATFORM_PAGES: readonly NavigationEntry[] = [
  { key: 'audit', name: 'Audit trail', path: '/audit', permission: 'audit.read', group: 'admin', description: 'Who did what and when, exported as CSV, with a check that the record has not been altered.' },
];

/** Every navigation entry: work first (those given an order by it, then in registry order), then administration. */
export function navigationEntries(): NavigationEntry[] {
  const all = [...MODULES.flatMap((m) => m.navigation ?? []), ...PLANNED, ...PLATFORM_PAGES];
  const work = all.filter((e) => e.group === 'work').map((e, i) => ({ e, rank: e.order ?? 1000 + i })).sort((a, b) => a.rank - b.rank).map(({ e }) => e);
  return [...work, ...all.filter((e) => e.group === 'admin')];
}
