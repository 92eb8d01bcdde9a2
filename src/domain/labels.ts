import { z } from 'zod';

// Vocabularies as the contract keeps them: the codes the API and the database use, each with the
// label people see. One table per vocabulary, so that a code cannot exist without its label.

/** A zod enum of a label table's codes. */
export function codesOf<T extends Record<string, string>>(labels: T, message?: string) {
  return z.enum(Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]], message ? { message } : undefined);
}

/** The label for a code, or the code itself when it is not in the table (never a blank). */
export const labelOf = <T extends Record<string, string>>(labels: T, code: string): string => (code in labels ? labels[code as keyof T] : code);

/** Whether a value (a form's choice, say) is one of a table's codes. */
export const isCodeOf = <T extends Record<string, string>>(labels: T, value: string): value is keyof T & string => Object.hasOwn(labels, value);
