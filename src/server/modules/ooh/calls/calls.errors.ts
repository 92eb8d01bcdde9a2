import { AppError, notFound, validationFailed } from '../../../platform/http/errors';
import { OOH_CALL_STATUSES, type OohCallStatus } from '../../../../domain/ooh/calls.contract';

// The call log's errors. Codes are public API: never rename one.

export const callNotFound = () => notFound({ what: 'call' });
export const unknownCategory = () => validationFailed([{ path: 'categoryId', message: 'Choose a category from the list' }]);
export const unknownPriority = (category: string) => validationFailed([{ path: 'priorityKey', message: `Choose one of the priorities of ${category}` }]);
export const receivedInFuture = () => validationFailed([{ path: 'receivedAt', message: 'The call cannot have been received in the future' }]);
export const badTime = (path: string, message: string) => validationFailed([{ path, message }]);

export const notOpen = (status: string) => new AppError({ code: 'ooh.call_not_open', status: 409, message: `This call is already ${OOH_CALL_STATUSES[status as OohCallStatus]?.toLowerCase() ?? status}: it has had its outcome.` });
export const notAwaitingAck = () => new AppError({ code: 'ooh.call_not_awaiting_ack', status: 409, message: 'This call is not waiting for an acknowledgement.' });
export const alreadyDone = () => new AppError({ code: 'ooh.call_done', status: 409, message: 'This call is already downgraded, closed or passed to maintenance.' });
export const noDuty = () => new AppError({ code: 'ooh.no_duty', status: 409, message: 'Calls of this category are not referred to anyone on the rota: downgrade or close it.' });
export const nobodyOnCall = (duty: string) => new AppError({ code: 'ooh.nobody_on_call', status: 409, message: `Nobody is on the rota for ${duty} now: ring the duty manager, or downgrade or close the call.` });
export const notAFault = () => new AppError({ code: 'ooh.not_a_fault', status: 409, message: 'Only an open equipment-fault call becomes a maintenance fault.' });
