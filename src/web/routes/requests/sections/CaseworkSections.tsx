import type { RequestDetail } from '../../../../domain/requests/contract';

/**
 * The casework part of a request's page (filled in by its own slice of the module). The request
 * page renders it below the clock; it reloads the request through onChanged after any step.
 */
export function CaseworkSections(_props: { request: RequestDetail; onChanged: () => void }) {
  return null;
}
