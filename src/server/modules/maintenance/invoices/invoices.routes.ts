import type { Api } from '../../../platform/http/route';

/** The maintenance contract's budget and invoices routes (being built). */
export function registerInvoicesRoutes(_api: Api) {}
