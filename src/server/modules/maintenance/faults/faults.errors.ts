import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

// The fault workflow's errors. Codes are public API: never rename one.

export const faultNotFound = () => notFound({ what: 'fault' });

/** The step is not open to this party at the fault's stage: the reason says why, for the person who tried. */
export const stepRefused = (reason: string) => new AppError({ code: 'faults.step_refused', status: 409, message: reason });

export const unknownCamera = () => validationFailed([{ path: 'cameraId', message: 'Choose the camera from the register' }]);
export const unknownEquipment = () => validationFailed([{ path: 'equipmentId', message: 'Choose the equipment from the list' }]);
export const notInService = (reference: string) =>
  validationFailed([{ path: 'cameraId', message: `${reference} is decommissioned: a fault cannot be raised on it` }]);
export const unknownContract = () => validationFailed([{ path: 'contractId', message: 'Choose a contract from the list' }]);
export const noContractInForce = () =>
  validationFailed([{ path: 'contractId', message: 'No maintenance contract is in force today: choose the contract' }]);

export const inTheFuture = () => validationFailed([{ path: 'at', message: 'The time cannot be in the future' }]);
export const beforeRaised = (raised: string) => validationFailed([{ path: 'at', message: `The time cannot be before the fault was raised (${raised})` }]);

export const partNotSignedOut = () =>
  validationFailed([{ path: 'partId', message: 'That part was not signed out against this fault: sign it out first, or describe the contractor\'s own part without choosing one' }]);

export const photoNotFound = () => notFound({ what: 'photo' });
export const notAnImage = () => new AppError({ code: 'faults.not_an_image', status: 415, message: 'The photo must be a JPEG or PNG image.' });
export const photoTooLarge = () => new AppError({ code: 'faults.photo_too_large', status: 413, message: 'The photo is larger than 10 MB: send a smaller one.' });
export const unknownPhoto = () => validationFailed([{ path: 'sha256', message: 'Upload the photo first: no photo with that SHA-256 is stored' }]);
