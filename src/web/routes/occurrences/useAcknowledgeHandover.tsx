import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { acknowledgeHandover } from '../../api/occurrences';
import { errorMessage } from '../../lib/errors';

/** Acknowledging a handover as the incoming operator, from the list or from the handover itself. */
export function useAcknowledgeHandover() {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ text: string; error?: boolean }>();
  const [busy, setBusy] = useState<string>();

  const acknowledge = async (h: { id: string; from: string }) => {
    setBusy(h.id);
    setMessage(undefined);
    try {
      await acknowledgeHandover(h.id);
      await queryClient.invalidateQueries({ queryKey: ['handovers'] });
      await queryClient.invalidateQueries({ queryKey: ['supervisor-overview'] });
      setMessage({ text: `Handover from ${h.from} acknowledged.` });
    } catch (err) {
      setMessage({ text: errorMessage(err), error: true });
    } finally {
      setBusy(undefined);
    }
  };

  const status = (
    <div role="status" aria-live="polite">
      {message && <p className={message.error ? 'govuk-error-message' : 'govuk-body govuk-!-font-weight-bold'}>{message.text}</p>}
    </div>
  );
  return { acknowledge, busy, status };
}
