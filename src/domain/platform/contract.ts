import { z } from 'zod';

// The platform's part of the contract between server and web app: what every module's navigation
// entry looks like. Module contracts live beside it in src/domain/<module>/contract.ts.

export const NavigationGroup = z.enum(['work', 'admin']);

/** A page a module contributes to the navigation (the server filters by `permission`). */
export interface NavigationEntry {
  key: string;
  name: string;
  path: string;
  /** The permission that shows the entry; 'authenticated' shows it to everyone signed in. */
  permission: string;
  description: string;
  /** 'work': the daily screens ("Your work"); 'admin': under Administration on the home page. */
  group: z.infer<typeof NavigationGroup>;
  /** Also in the primary navigation bar (work entries are, unless they say otherwise). */
  primary?: boolean;
  /** A module not built yet: what it will do. Its page says so. */
  coming?: string;
}

export const ModuleEntry = z.object({
  key: z.string(), name: z.string(), path: z.string(), description: z.string(),
  group: NavigationGroup, primary: z.boolean(), coming: z.string().nullable(),
}).meta({ id: 'ModuleEntry' });
export type ModuleEntry = z.infer<typeof ModuleEntry>;
