import type { RouteConfig, RouteConfigToTypedResponse } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';

// Compile-time exactness of replies: a handler that returns a field its route's response schema
// lacks does not compile. TypeScript's structural typing lets an object with extra fields pass
// for a smaller one (a leak waiting to happen: a new column flows straight to partners), so
// route() checks the handler's replies with these types.

type Primitive = string | number | boolean | bigint | symbol | null | undefined;

type Objects<S> = Exclude<Extract<NonNullable<S>, object>, readonly unknown[]>;
type Keys<S> = S extends unknown ? keyof S : never;
type At<S, K> = S extends unknown ? (K extends keyof S ? S[K] : string extends keyof S ? S[string & keyof S] : never) : never;
type Path<P extends string, K extends string> = P extends '' ? K : `${P}.${K}`;

/** The paths of the fields in T that the shape S (a schema's type: unions, records and all) does not have. */
export type ExtraFields<T, S, P extends string = '', D extends 0[] = []> =
  D['length'] extends 8 ? never // deeper than any reply is shaped (and recursive JSON types stop here)
  : unknown extends S ? never
  : T extends Primitive ? never
  : T extends readonly (infer E)[] ? (Extract<NonNullable<S>, readonly unknown[]> extends readonly (infer SE)[] ? ExtraFields<E, SE, `${P}[]`, [...D, 0]> : never)
  : [Objects<S>] extends [never] ? never
  : string extends keyof T ? never
  : { [K in keyof T & string]: string extends Keys<Objects<S>> ? ExtraFields<T[K], At<Objects<S>, K>, Path<P, K>, [...D, 0]>
      : K extends Keys<Objects<S>> ? ExtraFields<T[K], At<Objects<S>, K>, Path<P, K>, [...D, 0]> : Path<P, K> }[keyof T & string];

type DataFor<R extends RouteConfig, Code> = Extract<RouteConfigToTypedResponse<R>, { _status: Code }> extends TypedResponse<infer D, any, any> ? D : never;

/** The fields a reply has beyond its status's schema, over every reply the handler can give. */
export type ExtraReplyFields<R extends RouteConfig, Reply> =
  Reply extends TypedResponse<infer D, infer Code, 'json'> ? ExtraFields<D, DataFor<R, Code>> : never;

type Returned<H> = H extends (...args: any[]) => infer Out ? Awaited<Out> : never;

/** unknown when there are no extra fields, else a readable error naming them. */
type Verdict<Extra> = [Extra] extends [never] ? unknown : { error: 'The reply has fields its response schema lacks'; fields: Extra };

/** Resolves to unknown when the handler's replies fit their schemas, else to a readable error. */
export type ExactReplies<R extends RouteConfig, H> = Verdict<ExtraReplyFields<R, Returned<H>>>;

/** For helpers that build routes: resolves to unknown when T has no field S lacks. */
export type ExactFit<T, S> = Verdict<ExtraFields<T, S>>;
