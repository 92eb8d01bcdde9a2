import type { Api } from '../../../platform/http/route';

/** The maintenance contract's parts routes (being built). */
export function registerPartsRoutes(_api: Api) {}
