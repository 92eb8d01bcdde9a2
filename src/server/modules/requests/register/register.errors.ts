import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

// The register's errors. Codes are public API: never rename one.

export const requestNotFound = () => notFound({ what: 'request' });

export const unknownOwner = () => validationFailed([{ path: 'ownerId', message: 'Choose someone in the council who deals with requests' }]);
export const unknownCameras = () => validationFailed([{ path: 'cameraIds', message: 'Choose cameras from the register (one of them is not in it)' }]);
export const receivedInFuture = () => validationFailed([{ path: 'receivedOn', message: 'The day it was received cannot be in the future' }]);
export const badDay = ({ path, message }: { path: string; message: string }) => validationFailed([{ path, message }]);

export const statusRefused = (message: string) => new AppError({ code: 'requests.status_refused', status: 409, message });
export const alreadyClosed = () => new AppError({ code: 'requests.already_closed', status: 409, message: 'This request is closed: reopen it first.' });
export const notClosed = () => new AppError({ code: 'requests.not_closed', status: 409, message: 'This request is still open.' });
export const pauseRefused = (message: string) => new AppError({ code: 'requests.pause_refused', status: 409, message });
export const notPaused = () => new AppError({ code: 'requests.not_paused', status: 409, message: 'The clock is running: there is nothing to restart.' });
export const extensionRefused = (message: string) => new AppError({ code: 'requests.extension_refused', status: 409, message });
export const notAComplaint = () => new AppError({ code: 'requests.not_a_complaint', status: 409, message: 'Only a complaint has stages.' });
export const unknownEvent = () => validationFailed([{ path: 'correctsSeq', message: 'Choose an entry of this request’s history to correct' }]);
export const stale = () => new AppError({ code: 'requests.changed', status: 409, message: 'Someone else changed this request a moment ago: reload it and try again.' });
