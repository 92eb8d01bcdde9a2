import { AppError, notFound, validationFailed } from '../../../platform/http/errors';

// Contracts' errors. Codes are public API: never rename one.

export const contractNotFound = () => notFound({ what: 'contract' });

export const notAContractor = () =>
  validationFailed([{ path: 'contractorOrganisationId', message: 'Choose an organisation registered as a contractor' }]);

export const referenceTaken = (reference: string) =>
  new AppError({ code: 'maintenance.contract_reference_taken', status: 409, message: `There is already a contract ${reference}: choose another reference.` });

export const hoursOutOfOrder = () => validationFailed([{ path: 'closesAt', message: 'The closing time must be after the opening time' }]);

export const endsBeforeStart = () => validationFailed([{ path: 'endsOn', message: 'The contract must end after it starts' }]);

export const termsInThePast = () =>
  validationFailed([{ path: 'effectiveFrom', message: 'New SLA terms cannot take effect in the past: they apply to faults raised from when they take effect. Choose now or later.' }]);

export const termsAlreadySet = (priorities: string[]) =>
  new AppError({ code: 'maintenance.sla_terms_exist', status: 409, message: `Terms for ${priorities.join(', ')} already take effect at that moment: choose another time.`, details: { priorities } });

export const closureDayTaken = (day: string) =>
  new AppError({ code: 'maintenance.closure_day_exists', status: 409, message: `${day} is already a closure day of this contract.` });

export const closureDayNotFound = () => notFound({ what: 'closure day' });

export const closureDayPast = (day: string) =>
  new AppError({ code: 'maintenance.closure_day_past', status: 409, message: `${day} has begun or passed: only a future closure day can be removed, since faults' clocks have already counted it.` });

export const closureDayInPast = () =>
  validationFailed([{ path: 'day', message: 'Choose a day from tomorrow on: the clocks of faults already raised have counted the days before' }]);
