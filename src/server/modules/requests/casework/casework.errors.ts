import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

// Casework's errors. Codes are public API: never rename one.

export const sarOnly = () => new AppError({ code: 'requests.sar_only', status: 409, message: 'Only a subject access request has identity checks and searches for the requester’s images.' });
export const foiOnly = () => new AppError({ code: 'requests.foi_only', status: 409, message: 'Only an FOI request has exemptions and a disclosure log entry.' });
export const notResponded = () => new AppError({ code: 'requests.not_responded', status: 409, message: 'Log the answer once the FOI request has been responded to (or refused).' });
export const closed = () => new AppError({ code: 'requests.already_closed', status: 409, message: 'This request is closed: reopen it first.' });
export const badDay = (path: string, message: string) => validationFailed([{ path, message }]);
export const unknownCamera = () => validationFailed([{ path: 'cameraId', message: 'Choose a camera from the register (that one is not in it)' }]);
export const unknownStill = (at: number) => validationFailed([{ path: `stills.${at}`, message: 'Upload the still first (that one is not stored, or is not a JPEG or PNG image)' }]);
export const unknownExemptionEntry = () => validationFailed([{ path: 'correctsSeq', message: 'Choose an earlier exemption entry of this request to correct' }]);
export const searchNotFound = () => notFound({ what: 'search' });
export const stillNotFound = () => notFound({ what: 'still' });
export const notAnImage = () => new AppError({ code: 'requests.not_an_image', status: 415, message: 'Send a JPEG or PNG image.' });
export const stillTooLarge = () => new AppError({ code: 'requests.still_too_large', status: 413, message: 'The still is larger than 10 MB: export a smaller one.' });
