import { AppError, conflict, notFound, validationFailed, type FieldError } from '../../../platform/http/errors';

// The FPNs' errors. Codes are public API: never rename one.

export const fpnNotFound = () => notFound({ what: 'fixed penalty notice' });
export const entryNotFound = () => notFound({ what: 'notebook entry' });
export const invalid = (errors: FieldError[]) => validationFailed(errors);
export const unknownOffence = (day: string) => validationFailed([{ path: 'offenceCode', message: `Choose an offence in force on ${day}` }]);
export const inFuture = (path: string) => validationFailed([{ path, message: 'This cannot be in the future' }]);
export const idTaken = (what: string) => conflict('enforcement.id_taken', `This ${what} id is already used by another record.`);
export const notOpen = (status: string) => new AppError({ code: 'enforcement.fpn_not_open', status: 409, message: `This notice is ${status.toLowerCase()}: it allows no further payment, withdrawal or prosecution.` });
export const tooEarlyToProsecute = (from: string) => new AppError({ code: 'enforcement.fpn_within_period', status: 409, message: `No proceedings may start until the 14 days following the notice have ended: from ${from}.` });
export const settled = () => new AppError({ code: 'enforcement.fpn_paid', status: 409, message: 'This notice has been paid: it cannot be prosecuted.' });
export const notYourNotebook = () => new AppError({ code: 'enforcement.notebook_forbidden', status: 403, message: 'Only processors and team leaders may read another officer’s notebook.' });
