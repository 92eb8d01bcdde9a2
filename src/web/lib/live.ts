import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';

// Live updates: Server-Sent Events from /api/v1/occurrences/live, one event per change to any
// occurrence. The browser reconnects by itself; a `signed-out` event means stop.

export interface OccurrenceEvent {
  occurrenceId: string;
  what: string;
  entryId?: string | null;
}

export function useOccurrenceEvents(onEvent: (event: OccurrenceEvent) => void, { enabled = true } = {}) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/occurrences/live');
    source.addEventListener('occurrence', (message) => {
      try {
        handler.current(JSON.parse((message as MessageEvent<string>).data) as OccurrenceEvent);
      } catch {
        // A malformed event: ignore it; the next one or a refetch catches up.
      }
    });
    // Marks the page while the stream is open (for people inspecting the page, and for browser tests).
    source.addEventListener('ready', () => document.documentElement.setAttribute('data-live', 'open'));
    source.addEventListener('error', () => document.documentElement.removeAttribute('data-live'));
    source.addEventListener('signed-out', () => {
      source.close();
      document.documentElement.removeAttribute('data-live');
    });
    return () => {
      source.close();
      document.documentElement.removeAttribute('data-live');
    };
  }, [enabled]);
}

/** Keeps the occurrence list (and one occurrence, when given) fresh as others write. */
export function useLiveOccurrences(occurrenceId?: string) {
  const queryClient = useQueryClient();
  useOccurrenceEvents((event) => {
    void queryClient.invalidateQueries({ queryKey: ['occurrences'] });
    void queryClient.invalidateQueries({ queryKey: ['handovers'] });
    if (!occurrenceId || event.occurrenceId === occurrenceId) void queryClient.invalidateQueries({ queryKey: ['occurrence', event.occurrenceId] });
  });
}
