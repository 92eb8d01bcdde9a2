// One error type for the whole server. Modules declare small factories that build it; one handler
// (http/problem.ts) turns it into problem+json. Codes are public API: never rename one.

export interface FieldError { path: string; message: string }

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: Record<string, unknown>;
  readonly fieldErrors?: FieldError[];
  readonly headers?: Record<string, string>;

  constructor({ code, status, message, details, fieldErrors, headers }: {
    code: string; status: number; message: string; details?: Record<string, unknown>; fieldErrors?: FieldError[]; headers?: Record<string, string>;
  }) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.fieldErrors = fieldErrors;
    this.headers = headers;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export const notFound = ({ what = 'record' }: { what?: string } = {}) =>
  new AppError({ code: 'http.not_found', status: 404, message: `That ${what} does not exist or you do not have access to it.` });

export const unauthenticated = () =>
  new AppError({ code: 'auth.unauthenticated', status: 401, message: 'Sign in to continue.' });

export const forbidden = () =>
  new AppError({ code: 'auth.forbidden', status: 403, message: 'Your role does not allow this.' });

export const validationFailed = (fieldErrors: FieldError[], message = 'Check the highlighted fields.') =>
  new AppError({ code: 'validation.failed', status: 400, message, fieldErrors });

export const conflict = (code: string, message: string) => new AppError({ code, status: 409, message });
