import { AppError } from '../../../platform/http/errors';

// The disclosure package builder's errors. Codes are public API: never rename one.

/** A file's bytes, read to go into a package, are not the ones its SHA-256 was recorded for. */
export const packageFileChanged = ({ path, expected, actual, size }: { path: string; expected: string; actual: string; size: number }) =>
  new AppError({
    code: 'evidence.package_file_changed', status: 500,
    message: `${path} no longer matches its recorded SHA-256, so the package was not made. It has been reported to the coordinators.`,
    details: { path, expected, actual, size },
  });

/** What the package was to hold does not agree with its manifest (a fault in the caller, never the user's). */
export const packageInconsistent = ({ problems }: { problems: string[] }) =>
  new AppError({ code: 'evidence.package_inconsistent', status: 500, message: `The package was not made: ${problems.join('; ')}.`, details: { problems } });
