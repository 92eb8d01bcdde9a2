import type { Api } from '../../../platform/http/route';

/** The maintenance contract's lines routes (being built). */
export function registerLinesRoutes(_api: Api) {}
