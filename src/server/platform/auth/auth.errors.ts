import { AppError } from '../http/errors';
import { formatDateTime } from '../../../domain/calendar/london';

export const invalidCredentials = () => new AppError({ code: 'auth.invalid_credentials', status: 401, message: 'The username or password is not right.' });
export const accountLocked = ({ until }: { until: Date }) =>
  new AppError({ code: 'auth.locked', status: 423, message: `This account is locked after repeated failed sign-ins until ${formatDateTime(until)}. An administrator can unlock it sooner.`, details: { lockedUntil: until.toISOString() } });
export const rateLimited = ({ retryAfterS }: { retryAfterS: number }) =>
  new AppError({ code: 'auth.rate_limited', status: 429, message: 'Too many sign-in attempts from this address. Wait a minute and try again.', headers: { 'retry-after': String(retryAfterS) } });
export const invalidCode = () => new AppError({ code: 'auth.invalid_code', status: 401, message: 'That code is not right, or it has already been used. Enter the current code from your authenticator app.' });
export const wrongStage = () => new AppError({ code: 'auth.stage_incomplete', status: 403, message: 'Finish signing in first.' });
export const mfaRequired = () => new AppError({ code: 'auth.mfa_required', status: 409, message: 'Your role requires two-factor authentication, so it cannot be turned off.' });
export const mfaAlreadyEnabled = () => new AppError({ code: 'auth.mfa_already_enabled', status: 409, message: 'Two-factor authentication is already on. To use a new device, turn it off first (you will need your password), or ask an administrator to reset it.' });
export const noPendingMfa = () => new AppError({ code: 'auth.mfa_not_started', status: 409, message: 'Start two-factor set-up first.' });
export const csrfFailed = () => new AppError({ code: 'auth.csrf_failed', status: 403, message: 'This request did not come from a Vigil page. Reload the page and try again.' });
