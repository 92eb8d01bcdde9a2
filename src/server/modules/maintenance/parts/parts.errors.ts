import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

// Spare parts' errors. Codes are public API: never rename one.

export const partNotFound = () => notFound({ what: 'part' });

export const unknownStore = () => validationFailed([{ path: 'storeId', message: 'Choose a store from the list' }]);

export const unknownFault = () => validationFailed([{ path: 'faultId', message: 'Choose the fault from the list (it may have been mistyped)' }]);

export const storeExists = ({ name }: { name: string }) =>
  new AppError({ code: 'parts.store_exists', status: 409, message: `There is already a store called ${name}: choose another name.` });

export const partExists = ({ partNumber, store }: { partNumber: string; store: string }) =>
  new AppError({ code: 'parts.part_exists', status: 409, message: `Part ${partNumber} is already stocked in ${store}: record a receipt against it instead.` });

/** The movement would take the stock below zero (or past the most a store holds): nothing is recorded. */
export const movementRefused = ({ code, message, onHand }: { code: string; message: string; onHand: number }) =>
  new AppError({ code, status: 409, message, details: { quantityOnHand: onHand } });

export const badSignature = () => validationFailed([{ path: 'signaturePng', message: 'The signature is not a PNG image: ask the engineer to sign in the box again' }]);
