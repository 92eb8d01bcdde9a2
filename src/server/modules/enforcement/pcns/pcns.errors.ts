import { AppError, conflict, notFound, validationFailed } from '../../../platform/http/errors';

// The PCNs' errors. Codes are public API: never rename one.

export const pcnNotFound = () => notFound({ what: 'PCN' });
export const field = (path: string, message: string) => validationFailed([{ path, message }]);
export const numberTaken = (number: string) => conflict('enforcement.pcn_number_taken', `PCN number ${number} has been used for another notice already.`);
export const stepRefused = (message: string) => new AppError({ code: 'enforcement.pcn_step_refused', status: 409, message });
