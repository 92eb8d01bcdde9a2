import { AppError, notFound, validationFailed } from '../../platform/http/errors';

export const occurrenceNotFound = () => notFound({ what: 'occurrence' });
export const entryNotFound = () => validationFailed([{ path: 'entryId', message: 'That entry is not part of this occurrence.' }]);
export const occurrenceClosed = ({ reference }: { reference: string }) =>
  new AppError({ code: 'occurrences.closed', status: 409, message: `${reference} is closed. Reopen it (with a reason) to add to it.` });
export const alreadyClosed = ({ reference }: { reference: string }) => new AppError({ code: 'occurrences.already_closed', status: 409, message: `${reference} is already closed.` });
export const alreadyOpen = ({ reference }: { reference: string }) => new AppError({ code: 'occurrences.already_open', status: 409, message: `${reference} is already open.` });
export const requiredStepsSkipped = ({ steps }: { steps: { id: string; text: string }[] }) =>
  new AppError({
    code: 'occurrences.required_steps_skipped', status: 400,
    message: `Required steps are not done: ${steps.map((s) => s.text).join('; ')}. Do them, or give a reason for closing without them (your supervisor will be told).`,
    fieldErrors: [{ path: 'skipReason', message: 'Give a reason for closing without the required steps' }],
    details: { steps },
  });
export const stepNotInProcedure = () => validationFailed([{ path: 'stepId', message: 'That step is not part of this occurrence’s procedure.' }]);
export const stepAlreadyDone = () => new AppError({ code: 'occurrences.step_already_done', status: 409, message: 'That step is already ticked.' });
export const unknownCategory = () => validationFailed([{ path: 'categoryId', message: 'Choose a category from the list.' }]);
export const unknownCameras = (refs: string[], path = 'cameraIds') => validationFailed([{ path, message: `Unknown camera(s): ${refs.join(', ')}.` }]);
export const personalDataNotFound = () => notFound({ what: 'personal data' });
export const personalDataHeld = ({ reference }: { reference: string }) =>
  new AppError({ code: 'occurrences.personal_data_held', status: 409, message: `${reference} is held by evidence or a request: its personal data stays until the hold is released.` });
export const personalDataAlreadyRemoved = () => new AppError({ code: 'occurrences.personal_data_already_removed', status: 409, message: 'That personal data has already been removed.' });
