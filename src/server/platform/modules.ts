import type { Logger } from 'pino';
import type { Api } from './http/route';
import type { LiveContext } from './http/sse';
import type { JobDefinition } from './jobs/jobs';
import type { Repeating } from './jobs/repeat';
import type { TimerDefinition } from './timers/timers';
import type { Deps } from './deps';
import type { Db } from './db/db';
import type { Role } from './auth/permissions';
import type { NavigationEntry, ShiftSection } from '../../domain/platform/contract';

// What a module contributes to the product. A module is one folder under src/server/modules whose
// index.ts exports one of these, and one line in src/server/modules/registry.ts. The app, the
// worker, the demo seed, the navigation and the route × role test iterate over the registry.

/** The demo council as the platform seeds it, for modules to add their own history to. */
export interface DemoCouncil {
  organisations: Record<'council' | 'police' | 'insurer' | 'contractor', string>;
  teams: Record<string, string>;
  /** Demo users by username. */
  users: Record<string, { id: string; username: string; role: Role }>;
  area: { name: string; centre: { lat: number; lon: number }; bounds: { south: number; west: number; north: number; east: number }; streets: string[] };
}

export interface VigilModule {
  /** Named as its users would name it; also the folder's name. */
  key: string;
  /** Adds its HTTP routes (through route(), so that each names who may call it). */
  routes?(api: Api, live: LiveContext): void;
  /** Its pg-boss jobs; start-up fails if the database holds a queue no module defines. */
  jobs?: JobDefinition[];
  /** Its durable timers (steps due at an instant, fired once by whichever working process claims them). */
  timers?: TimerDefinition[];
  /** Loops every writing process runs beside its work (milliseconds apart, unlike jobs). */
  housekeeping?(args: { db: Db; log: Logger }): Repeating;
  /** Adds the module's realistic recent history to the demo council, in registry order. */
  seedDemo?(deps: Deps, council: DemoCouncil): Promise<Record<string, number> | void>;
  /** What it hands over at the end of a shift, beside the occurrence log (open calls, lone workers out, alarms not reset). */
  shift?(db: Db, now: Date): Promise<ShiftSection[]>;
  /** Its pages in the navigation and on the home page (each shown to holders of its permission). */
  navigation?: NavigationEntry[];
}

/**
 * One part of a large module, kept in its own sub-folder (out of hours: calls, lone working…;
 * enforcement: PCNs, FPNs…): what it adds to the module. The module's index puts its parts
 * together with `moduleOfAreas`, so that each sub-folder stays on its own.
 */
export type ModuleArea = Pick<VigilModule, 'routes' | 'timers' | 'jobs' | 'seedDemo' | 'shift'> & { key: string };

/** A module made of its areas (in seeding order), with its own routes and navigation beside theirs. */
export function moduleOfAreas(key: string, areas: readonly ModuleArea[], own: Pick<VigilModule, 'routes' | 'navigation'> = {}): VigilModule {
  return {
    key,
    routes(api, live) {
      own.routes?.(api, live);
      for (const a of areas) a.routes?.(api, live);
    },
    timers: areas.flatMap((a) => a.timers ?? []),
    jobs: areas.flatMap((a) => a.jobs ?? []),
    async seedDemo(deps, council) {
      const counts: Record<string, number> = {};
      for (const a of areas) Object.assign(counts, (await a.seedDemo?.(deps, council)) ?? {});
      return counts;
    },
    shift: shiftOfAreas(areas),
    navigation: own.navigation,
  };
}

/** What the areas hand over at the end of a shift, area by area. */
export const shiftOfAreas = (areas: readonly ModuleArea[]) => async (db: Db, now: Date): Promise<ShiftSection[]> =>
  (await Promise.all(areas.map((a) => a.shift?.(db, now) ?? Promise.resolve([])))).flat();
