import { AppError, notFound, validationFailed } from '../../platform/http/errors';

export const userNotFound = () => notFound({ what: 'user' });
export const usernameTaken = () => validationFailed([{ path: 'username', message: 'That username is already in use. Choose another.' }]);
export const cannotChangeSelf = (what: string) => new AppError({ code: 'users.cannot_change_self', status: 409, message: `You cannot ${what} your own account; ask another administrator.` });
