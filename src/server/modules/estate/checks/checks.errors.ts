import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

export const roundNotFound = () => notFound({ what: 'check round' });
export const targetNotInRound = () => validationFailed([{ path: 'targetId', message: 'That camera or piece of equipment is not part of this round.' }]);
export const itemNotForTarget = ({ reference }: { reference: string }) => validationFailed([{ path: 'item', message: `That item is not checked on ${reference}.` }]);
export const roundClosed = () =>
  new AppError({ code: 'checks.round_closed', status: 409, message: 'This shift’s check has ended: record results in the current shift’s round.' });
export const equipmentReferenceTaken = ({ reference }: { reference: string }) =>
  validationFailed([{ path: 'reference', message: `${reference} is already in the equipment register.` }]);
