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
  /** A module not built yet: what it will do. Its page says so. */
  coming?: string;
  /** Where a work entry goes among the others, lowest first (the control room's log leads); unset: after them, in registry order. */
  order?: number;
}

export const ModuleEntry = z.object({
  key: z.string(), name: z.string(), path: z.string(), description: z.string(),
  group: NavigationGroup, coming: z.string().nullable(),
}).meta({ id: 'ModuleEntry' });
export type ModuleEntry = z.infer<typeof ModuleEntry>;

// ---- The shift: what a module hands over beside the occurrence log ----

/** One thing the next shift must know about (an open call, a lone worker still out, an alarm not reset). */
export const ShiftItem = z.object({
  text: z.string().describe('What it is, in a line'),
  detail: z.string().nullable().describe('When, where or who, in a line'),
  href: z.string().nullable().describe('Its page in the app'),
  urgent: z.boolean().describe('Needs attention now (overdue, escalating, not reset)'),
}).meta({ id: 'ShiftItem' });
export type ShiftItem = z.infer<typeof ShiftItem>;

/** A module's part of the shift handover: a heading and what is open under it. */
export const ShiftSection = z.object({
  key: z.string().describe('The section, e.g. ooh-calls'),
  heading: z.string().describe('e.g. Open out-of-hours calls'),
  href: z.string().describe('The page listing them all'),
  items: z.array(ShiftItem),
}).meta({ id: 'ShiftSection' });
export type ShiftSection = z.infer<typeof ShiftSection>;

// ---- Signing in, the session and the site ----

export const Stage = z.enum(['active', 'mfa', 'mfa_enrolment', 'password_change']);
export type Stage = z.infer<typeof Stage>;

export const Session = z.object({
  user: z.object({
    id: z.uuid(), username: z.string(), displayName: z.string(), roles: z.array(z.string()), permissions: z.array(z.string()),
    organisation: z.object({ id: z.uuid(), name: z.string(), isExternal: z.boolean() }),
    mfaEnabled: z.boolean(), mfaRequired: z.boolean(),
  }),
  stage: Stage,
  csrfToken: z.string(),
  expiresAt: z.string(),
  idleTimeoutMinutes: z.number().int(),
}).meta({ id: 'Session' });
export type Session = z.infer<typeof Session>;

export const Meta = z.object({
  councilName: z.string(),
  councilColour: z.string(),
  version: z.string(),
  /**
   * The base map under the council's own layers, to signed-in users: `style`, the address of the
   * style Vigil serves from its own vector tiles; or `tiles`, a raster tile server's address (it may
   * carry the council's key); neither: a plain background.
   */
  map: z.object({ tiles: z.string().nullable(), style: z.string().nullable(), attribution: z.string() }),
  demo: z.boolean(),
}).meta({ id: 'Meta' });
export type Meta = z.infer<typeof Meta>;

/**
 * A MapLibre style (maplibre.org/maplibre-style-spec) for the base map Vigil serves: its tiles, glyphs
 * and layers, with addresses on this server (relative: the browser puts its own origin before them).
 */
const StyleValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.unknown())]);
export const BaseMapStyle = z.object({
  version: z.literal(8),
  glyphs: z.string(),
  sources: z.record(z.string(), z.object({
    type: z.literal('vector'), tiles: z.array(z.string()), minzoom: z.number().int(), maxzoom: z.number().int(),
    bounds: z.array(z.number()).length(4), attribution: z.string(),
  })),
  layers: z.array(z.object({
    id: z.string(), type: z.enum(['background', 'fill', 'line', 'symbol', 'circle']),
    source: z.string().optional(), 'source-layer': z.string().optional(), minzoom: z.number().optional(), maxzoom: z.number().optional(),
    /** A MapLibre filter expression. */
    filter: z.array(z.unknown()).optional(),
    /** Layout and paint properties, by MapLibre's names: each a value or an expression. */
    layout: z.record(z.string(), StyleValue).optional(),
    paint: z.record(z.string(), StyleValue).optional(),
  })),
}).meta({ id: 'BaseMapStyle' });
export type BaseMapStyle = z.infer<typeof BaseMapStyle>;

export const MfaSetup = z.object({ secret: z.string(), otpauthUri: z.string(), qrCodeDataUrl: z.string() }).meta({ id: 'MfaSetup' });
export type MfaSetup = z.infer<typeof MfaSetup>;
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });

/** An error, as every API answers one (RFC 9457 problem details, with one message per field). */
export const FieldError = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldError>;
export const Problem = z.object({
  type: z.string(), title: z.string(), status: z.number().int(), detail: z.string(), code: z.string(), errors: z.array(FieldError).optional(),
}).meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

/** A page of a list (the server's schema for it is platform/http/openapi.ts's page()). */
export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }
