import { AppError } from '../http/errors';

export const hashMismatch = ({ expected, actual }: { expected: string; actual: string }) =>
  new AppError({ code: 'storage.hash_mismatch', status: 422, message: `The file's SHA-256 is ${actual}, not ${expected} as expected: nothing was kept.`, details: { expected, actual } });

/** The records name an object the store does not hold: verify reports it, and this says which. */
export const objectMissing = ({ sha256 }: { sha256: string }) =>
  new AppError({ code: 'storage.object_missing', status: 500, message: `The stored file ${sha256} is missing from the object store.`, details: { sha256 } });
