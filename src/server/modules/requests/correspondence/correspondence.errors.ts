import { AppError, notFound, validationFailed, type FieldError } from '../../../platform/http/errors';

// Correspondence and letters' errors. Codes are public API: never rename one.

export const attachmentNotFound = () => notFound({ what: 'attachment' });
export const correspondenceNotFound = () => notFound({ what: 'correspondence' });
export const unknownFile = (i: number) => validationFailed([{ path: `attachments.${i}.sha256`, message: 'Upload the file first: there is no stored file with that SHA-256' }]);
export const badTemplate = (errors: FieldError[]) => validationFailed(errors, 'The template has a mistake: see the fields.');
export const fileTooLarge = () => new AppError({ code: 'requests.file_too_large', status: 413, message: 'The file is larger than 20 MB.' });
export const fileTypeRefused = () => new AppError({ code: 'requests.file_type_refused', status: 415, message: 'Attach a PDF, JPEG or PNG image, text, Word (.docx) or e-mail (.eml) file.' });
export const emptyFile = () => validationFailed([{ path: 'file', message: 'The file is empty' }]);
export const letterRefused = (message: string) => new AppError({ code: 'requests.letter_refused', status: 409, message });
