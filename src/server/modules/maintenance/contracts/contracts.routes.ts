import type { Api } from '../../../platform/http/route';

/** The maintenance contract's contracts routes (being built). */
export function registerContractsRoutes(_api: Api) {}
