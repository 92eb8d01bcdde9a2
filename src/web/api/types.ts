import type { Problem as ApiProblem } from '../../domain/platform/contract';

// The web app's types come from the modules' contracts (src/domain/*/contract.ts), which the server
// declares as its response schemas: a field renamed on one side fails `npm run typecheck`.
export type { ModuleEntry as Module, Session, Stage, Meta, MfaSetup, FieldError, Page, BaseMapStyle } from '../../domain/platform/contract';
export type { User, Organisation, Team, RoleInfo } from '../../domain/users/contract';
export type { AuditEvent, ChainVerification } from '../../domain/audit/contract';

/** An error as the web app holds it: the API's problem, or one the client makes (no network, no JSON). */
export type Problem = Partial<ApiProblem> & { status: number };
