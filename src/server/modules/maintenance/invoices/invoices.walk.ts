import { MAINTENANCE_MANAGERS, MAINTENANCE_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import type { Role } from '../../../platform/auth/permissions';
import { aContract } from '../contracts/contracts.walk';
import * as uc from './invoices.usecases';

// Budget and invoices' part of the route × role table (test/support/walk.ts), written by hand.
// Contractors and partner agencies are in none of these lists: the walk expects 404 for them.

/** Who raises and monitors invoices (maintenance.invoices). */
export const INVOICE_KEEPERS: readonly Role[] = ['enforcement_officer', 'coordinator'];

export const invoiceInput = (contractId: string) => ({
  contractId, supplierInvoiceNumber: `INV-${Math.floor(Math.random() * 1e9)}`, purchaseOrder: 'PO-2026-0147', amountPence: 125_000, vatPence: 25_000,
  invoiceDate: '2026-05-01', dueDate: '2026-05-31', heading: 'maintenance' as const, description: 'Monthly maintenance charge, May',
});

const actorOf = (u: { id: string; username: string }) => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });

/** An invoice against a new contract, raised by an enforcement officer (never the caller), and moved on by `steps`. */
export async function anInvoice(deps: Deps, councilOrgId: string, steps: ('approve' | 'dispute')[] = []) {
  const { contract, coordinator } = await aContract(deps, councilOrgId);
  const officer = await makeUser(deps, { roles: ['enforcement_officer'], organisationId: councilOrgId });
  const inv = await uc.createInvoice(deps, { actor: actorOf(officer), input: { ...invoiceInput(contract.id), contractId: contract.id, lineId: undefined } });
  for (const step of steps) await uc.step(deps, { actor: actorOf(coordinator), id: inv.id, step, reason: 'Charged for a visit that did not happen.' });
  return { invoice: inv, contract };
}

const at = (tail = '', steps: ('approve' | 'dispute')[] = []) => async ({ deps, councilOrgId }: WalkCtx) =>
  `/api/v1/invoices/${(await anInvoice(deps, councilOrgId, steps)).invoice.id}${tail}`;

export const walk: Walk = {
  'GET /api/v1/maintenance-budgets': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/maintenance-budgets?year=2026-27' },
  'POST /api/v1/maintenance-budgets': { allowed: MAINTENANCE_MANAGERS, body: () => ({ financialYear: '2031-32', heading: 'parts', amountPence: 500_000 }) },
  'GET /api/v1/maintenance-spend': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/maintenance-spend?year=2026-27' },
  'GET /api/v1/maintenance-spend.csv': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/maintenance-spend.csv?year=2026-27' },
  'GET /api/v1/invoices': { allowed: INVOICE_KEEPERS, path: () => '/api/v1/invoices?overdue=true&heading=maintenance&sort=amount_desc' },
  'GET /api/v1/invoices.csv': { allowed: INVOICE_KEEPERS, path: () => '/api/v1/invoices.csv?disputed=true' },
  'POST /api/v1/invoices': {
    allowed: INVOICE_KEEPERS, path: async ({ deps, councilOrgId, bag }) => { bag.contractId = (await aContract(deps, councilOrgId)).contract.id; return '/api/v1/invoices'; },
    body: ({ bag }) => invoiceInput(bag.contractId!),
  },
  'GET /api/v1/invoices/:id': { allowed: INVOICE_KEEPERS, path: at() },
  'POST /api/v1/invoices/:id/approval': { allowed: MAINTENANCE_MANAGERS, path: at('/approval') },
  'POST /api/v1/invoices/:id/payment': { allowed: INVOICE_KEEPERS, path: at('/payment', ['approve']), body: () => ({ paidOn: '2026-06-02' }) },
  'POST /api/v1/invoices/:id/dispute': { allowed: INVOICE_KEEPERS, path: at('/dispute'), body: () => ({ reason: 'The visit was not made.' }) },
  'POST /api/v1/invoices/:id/resolution': { allowed: INVOICE_KEEPERS, path: at('/resolution', ['dispute']), body: () => ({ note: 'Credit note received.' }) },
};
