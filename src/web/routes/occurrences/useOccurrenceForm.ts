import { useWriteForm } from '../../lib/useWriteForm';

export { prefixErrors } from '../../lib/useWriteForm';

/**
 * One write on an occurrence page: busy while it runs, errors beside the fields, a message when done,
 * and the occurrence refetched.
 */
export function useOccurrenceForm(occurrenceId: string, prefix: string, fields: string[], fallbackField: string) {
  return useWriteForm({ scope: `occurrence:${occurrenceId}`, prefix, fields, fallbackField, refresh: [['occurrence', occurrenceId], ['occurrences']] });
}
