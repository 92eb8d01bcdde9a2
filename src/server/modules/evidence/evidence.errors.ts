import { AppError, notFound, validationFailed } from '../../platform/http/errors';

// The evidence module's errors. Codes are public API: never rename one.

export const exhibitNotFound = () => notFound({ what: 'exhibit' });
export const recordingNotFound = () => notFound({ what: 'recording' });
export const derivativeNotFound = () => notFound({ what: 'working copy or still' });

export const ingestRefused = ({ code, reason, name }: { code: 'not_video' | 'truncated' | 'empty'; reason: string; name: string }) =>
  new AppError({ code: `evidence.${code}`, status: 422, message: `${name} was refused and nothing was kept: ${reason}`, details: { reason: code } });

export const recordingsUnavailable = ({ problems }: { problems: string[] }) =>
  validationFailed([{ path: 'recordingIds', message: problems.join(' ') }]);

export const unknownCameras = () => validationFailed([{ path: 'cameraIds', message: 'Choose cameras from the register.' }]);
export const unknownOccurrences = () => validationFailed([{ path: 'occurrenceIds', message: 'Link occurrences that exist.' }]);
export const notFootageMarks = () => validationFailed([{ path: 'items', message: 'Choose footage marks of this occurrence that are not exhibits yet.' }]);

export const handlingRefused = ({ reason }: { reason: string }) => new AppError({ code: 'evidence.handling_refused', status: 409, message: reason });
export const unknownReceiver = () => validationFailed([{ path: 'toUserId', message: 'Choose a member of council staff who handles evidence.' }]);

export const clipOutOfRange = ({ durationS }: { durationS: number }) =>
  validationFailed([{ path: 'endS', message: `The recording is ${durationS.toFixed(2)} seconds long: choose times within it.` }]);
export const notVideo = () => validationFailed([{ path: 'recordingId', message: 'That recording could not be read as video here, so no copy can be made of it: use the manufacturer’s player.' }]);
export const notAMaster = () => validationFailed([{ path: 'recordingId', message: 'Choose a recording that is one of this exhibit’s masters.' }]);

export const hashMismatch = ({ sha256 }: { sha256: string }) =>
  new AppError({ code: 'evidence.hash_mismatch', status: 500, message: `The stored file ${sha256.slice(0, 12)}… no longer matches its SHA-256. It has been reported to the coordinators.` });
