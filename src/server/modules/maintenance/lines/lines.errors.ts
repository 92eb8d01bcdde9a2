import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

// Connectivity lines' errors. Codes are public API: never rename one.

export const lineNotFound = () => notFound({ what: 'connectivity line' });
export const cameraNotFound = () => validationFailed([{ path: 'cameraId', message: 'Choose a camera from the register' }]);

export const referenceTaken = ({ reference }: { reference: string }) => new AppError({
  code: 'maintenance.line_reference_taken', status: 409, message: `A line with the reference ${reference} is already recorded. Choose another reference, or edit that line.`,
  fieldErrors: [{ path: 'reference', message: `${reference} is already recorded` }],
});
export const circuitTaken = ({ circuitId }: { circuitId: string }) => new AppError({
  code: 'maintenance.line_circuit_taken', status: 409, message: `A line with the circuit id ${circuitId} is already recorded.`,
  fieldErrors: [{ path: 'circuitId', message: `${circuitId} is already recorded` }],
});

export const staleVersion = ({ reference, yours, current }: { reference: string; yours: number; current: number }) => new AppError({
  code: 'maintenance.line_stale_version', status: 409,
  message: `Line ${reference} was changed by someone else after you opened it (you had version ${yours}, it is now version ${current}). Reload it and make your change again.`,
  details: { currentVersion: current },
});

export const cameraDecommissioned = ({ reference }: { reference: string }) =>
  validationFailed([{ path: 'cameraId', message: `Camera ${reference} is decommissioned: it is served by no line` }]);

export const cameraOnAnotherLine = ({ camera, line }: { camera: string; line: string }) => new AppError({
  code: 'maintenance.camera_on_another_line', status: 409, message: `Camera ${camera} is served by line ${line}: unlink it there first.`, details: { line },
});

export const cameraNotOnLine = () => notFound({ what: 'camera on this line' });

export const faultAlreadyOpen = ({ reference }: { reference: string }) => new AppError({
  code: 'maintenance.line_fault_open', status: 409, message: `Line ${reference} already has an open fault: clear it before raising another.`,
});
export const noOpenFault = ({ reference }: { reference: string }) => new AppError({
  code: 'maintenance.line_no_open_fault', status: 409, message: `Line ${reference} has no open fault to clear.`,
});
