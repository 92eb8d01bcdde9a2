import { AppError, notFound, validationFailed, type FieldError } from '../../../platform/http/errors';
import { DEPLOYMENT_STATES, SIGNAGE_PHOTO_MAX_BYTES, type DeploymentState } from '../../../../domain/estate/deployments';

// Mobile deployments' errors. Codes are public API: never rename one.

export const deploymentNotFound = () => notFound({ what: 'deployment' });

/** A step the deployment's state does not allow; deploying without an approved request is its own code. */
export const stepRefused = ({ kind, state, message }: { kind: string; state: DeploymentState; message: string }) =>
  new AppError({
    code: kind === 'deployed' ? 'estate.deployment_not_approved' : 'estate.deployment_step_refused', status: 409,
    message: `${message} This one is ${DEPLOYMENT_STATES[state].toLowerCase()}.`, details: { state },
  });

export const cameraNotMobile = () => validationFailed([{ path: 'cameraId', message: 'Choose a mobile (redeployable) camera from the register' }]);

export const cameraDecommissioned = ({ reference }: { reference: string }) =>
  validationFailed([{ path: 'cameraId', message: `Camera ${reference} is decommissioned: choose another mobile camera` }]);

export const cameraDeployedElsewhere = ({ reference, deployment }: { reference: string; deployment: string }) =>
  new AppError({ code: 'estate.camera_deployed_elsewhere', status: 409, message: `Camera ${reference} is deployed on ${deployment}: remove it there first, or choose another mobile camera.`, details: { deployment } });

export const signagePhotoMissing = () =>
  validationFailed([{ path: 'signagePhotoSha256', message: 'Upload the photo of the signage first (JPEG or PNG), then deploy with the SHA-256 it was given' }]);

export const badDays = (errors: FieldError[]) => validationFailed(errors);

export const notAnImage = () =>
  new AppError({ code: 'estate.signage_photo_type', status: 415, message: 'Send the signage photo as a JPEG or PNG image (Content-Type image/jpeg or image/png).' });

export const photoTooLarge = () =>
  new AppError({ code: 'estate.signage_photo_too_large', status: 413, message: `The signage photo is larger than ${SIGNAGE_PHOTO_MAX_BYTES / 1024 / 1024} MB: send a smaller copy.` });

/** Separation of duties: whoever asked for the camera does not approve (or refuse) it. */
export const ownRequest = () =>
  new AppError({ code: 'estate.own_request', status: 409, message: 'You made this request: another coordinator must decide it.' });
