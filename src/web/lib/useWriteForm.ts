import { useEffect, useRef, useState } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { inAttempt, type Attempt } from '../api/client';
import { formErrorsFrom, type FormErrors } from './errors';

/** Server field names -> this form's field ids (forms on one page share it, so ids carry a prefix). */
export function prefixErrors(errors: FormErrors | undefined, prefix: string): FormErrors | undefined {
  if (!errors) return undefined;
  return {
    summary: errors.summary.map((s) => ({ ...s, field: s.field ? `${prefix}-${s.field}` : undefined })),
    fields: Object.fromEntries(Object.entries(errors.fields).map(([k, v]) => [`${prefix}-${k}`, v])),
  };
}

const FORM_DONE = 'vigil:write-form-done';

/**
 * One write among several forms on a page about one record (`scope`): busy while it runs, errors
 * beside the fields, a message when done, and the queries that show the record (`refresh`) fetched again.
 */
export function useWriteForm({ scope, prefix, fields, fallbackField, refresh }: {
  scope: string; prefix: string; fields: string[]; fallbackField: string; refresh: QueryKey[];
}) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [lastError, setLastError] = useState<unknown>();
  // The same content sent again (Ctrl+Enter pressed twice) goes with the same Idempotency-Key and is
  // recorded once; after a success the next submission is a new attempt, even with the same words.
  const attempt = useRef<Attempt>({});

  // Another form on the page succeeded: this one's old errors and message no longer describe the page.
  useEffect(() => {
    const onDone = (event: Event) => {
      const { detail } = event as CustomEvent<{ scope: string; prefix: string }>;
      if (detail.scope !== scope || detail.prefix === prefix) return;
      setErrors(undefined);
      setLastError(undefined);
      setDone(undefined);
    };
    window.addEventListener(FORM_DONE, onDone);
    return () => window.removeEventListener(FORM_DONE, onDone);
  }, [scope, prefix]);

  /** Client-side checks use server field names too. */
  const check = (invalid: FormErrors | undefined) => {
    setErrors(prefixErrors(invalid, prefix));
    if (invalid) setDone(undefined);
    return !invalid;
  };

  const run = async (write: () => Promise<unknown>, message: string): Promise<boolean> => {
    setBusy(true);
    setDone(undefined);
    try {
      await inAttempt(attempt.current, write);
      setErrors(undefined);
      setLastError(undefined);
      setDone(message);
      window.dispatchEvent(new CustomEvent(FORM_DONE, { detail: { scope, prefix } }));
      await Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      attempt.current = {}; // only now, just before the form clears: a press meanwhile still repeats this attempt
      return true;
    } catch (err) {
      setLastError(err);
      setErrors(prefixErrors(formErrorsFrom(err, { fields, fallbackField }), prefix));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const field = (name: string) => errors?.fields[`${prefix}-${name}`];
  const id = (name: string) => `${prefix}-${name}`;
  return { errors, busy, done, run, check, field, id, lastError };
}
