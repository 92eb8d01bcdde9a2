import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

// Retention's errors. Codes are public API: never rename one.

export const holdNotFound = () => notFound({ what: 'hold' });

export const holdAlreadyReleased = () => new AppError({ code: 'evidence.hold_released', status: 409, message: 'This hold has already been released.' });

export const alreadyDestroyed = ({ what }: { what: string }) =>
  new AppError({ code: 'evidence.destroyed', status: 409, message: `${what} has been destroyed: nothing more can be done with it.` });

export const destructionRefused = ({ reference, reasons }: { reference: string; reasons: string[] }) =>
  new AppError({ code: 'evidence.destruction_refused', status: 409, message: `${reference} cannot be destroyed. ${reasons.join(' ')}`, details: { reasons } });

export const unknownRetentionClass = () => validationFailed([{ path: 'retentionClass', message: 'Choose one of the retention classes an administrator has set.' }]);

export const classesInUse = ({ keys }: { keys: string[] }) =>
  validationFailed([{ path: 'classes', message: `Recordings are still in the class${keys.length > 1 ? 'es' : ''} ${keys.join(', ')}: move them to another class before removing it.` }]);
