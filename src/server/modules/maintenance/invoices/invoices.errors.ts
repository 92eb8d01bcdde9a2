import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

// Budget and invoices' errors. Codes are public API: never rename one.

export const invoiceNotFound = () => notFound({ what: 'invoice' });
export const contractNotFound = () => validationFailed([{ path: 'contractId', message: 'Choose a maintenance contract that exists' }]);
export const lineNotFound = () => validationFailed([{ path: 'lineId', message: 'Choose a connectivity line that exists' }]);

/** Separation of duties: who raised an invoice may not approve it. */
export const ownInvoice = () => new AppError({
  code: 'maintenance.invoice_own_approval', status: 403,
  message: 'You raised this invoice, so you cannot approve it: another coordinator must approve it.',
});

export const wrongState = ({ why }: { why: string }) => new AppError({ code: 'maintenance.invoice_wrong_state', status: 409, message: `${why}.` });

export const paidBeforeInvoiced = () => validationFailed([{ path: 'paidOn', message: 'The payment date cannot be before the invoice date' }]);
