import { AppError, notFound, validationFailed } from '../../platform/http/errors';

export const cameraNotFound = () => notFound({ what: 'camera' });
export const referenceTaken = ({ reference }: { reference: string }) => new AppError({
  code: 'estate.reference_taken', status: 409, message: `Camera ${reference} is already in the register. Choose another number, or edit that camera.`,
  fieldErrors: [{ path: 'reference', message: `${reference} is already in the register` }],
});
export const staleVersion = ({ reference, yours, current }: { reference: string; yours: number; current: number }) => new AppError({
  code: 'estate.stale_version', status: 409,
  message: `Camera ${reference} was changed by someone else after you opened it (you had version ${yours}, it is now version ${current}). Reload it, check their change, and make yours again.`,
  details: { currentVersion: current },
});
export const nothingChanged = () => new AppError({
  code: 'estate.nothing_changed', status: 400, message: 'Nothing would change: every field given already holds that value.',
});
export const reasonRequired = () => validationFailed([{ path: 'reason', message: 'Say why the camera is being decommissioned (the register keeps the reason)' }]);
