import { useEffect, useRef, useSyncExternalStore } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';

// Live updates: Server-Sent Events from /api/v1/occurrences/live, one event per change to any
// occurrence, each with its number (`id:`). Nothing goes stale silently: the browser reconnects by
// itself and sends the last number back (Last-Event-ID), and the server replays what came since;
// when it cannot (`ready` with caughtUp false), what the page shows is fetched again. While the
// stream is not live the shell says "Reconnecting…" (see LiveStatus). `signed-out` means stop.

export interface OccurrenceEvent {
  occurrenceId: string;
  what: string;
  entryId?: string | null;
}

// ---- Whether this page is live: for the shell's "Reconnecting…" ----

/** 'off': no stream on this page; 'connecting': opening one; 'live'; 'reconnecting': was open or tried, now is not. */
export type LiveState = 'off' | 'connecting' | 'live' | 'reconnecting';

let state: LiveState = 'off';
const watchers = new Set<() => void>();

function setLiveState(next: LiveState) {
  if (next === state) return;
  state = next;
  // Marks the page while the stream is open (for people inspecting the page, and for browser tests).
  if (next === 'live') document.documentElement.setAttribute('data-live', 'open');
  else document.documentElement.removeAttribute('data-live');
  for (const w of watchers) w();
}

export function useLiveState(): LiveState {
  return useSyncExternalStore((w) => { watchers.add(w); return () => watchers.delete(w); }, () => state);
}

// ---- The stream ----

/** How long to wait before opening a new stream after the browser gave up on one (an error answer, not a dropped connection). */
const REOPEN_MS = 3000;

export function useOccurrenceEvents(onEvent: (event: OccurrenceEvent) => void, { enabled = true, onMissed }: {
  enabled?: boolean;
  /** Updates may have been missed and cannot be replayed: fetch again what the page shows. */
  onMissed?: () => void;
} = {}) {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const missed = useRef(onMissed);
  missed.current = onMissed;
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | undefined;
    let reopen: number | undefined;
    let lastEventId = '';
    let wasLive = false;
    let stopped = false;

    const open = () => {
      if (state !== 'reconnecting') setLiveState('connecting');
      const url = lastEventId ? `/api/v1/occurrences/live?lastEventId=${encodeURIComponent(lastEventId)}` : '/api/v1/occurrences/live';
      const s = new EventSource(url);
      source = s;
      s.addEventListener('occurrence', (message) => {
        const m = message as MessageEvent<string>;
        if (m.lastEventId) lastEventId = m.lastEventId;
        try {
          handler.current(JSON.parse(m.data) as OccurrenceEvent);
        } catch {
          // A malformed event: ignore it; the next one or a refetch catches up.
        }
      });
      s.addEventListener('ready', (message) => {
        const m = message as MessageEvent<string>;
        if (m.lastEventId) lastEventId = m.lastEventId;
        let caughtUp = false;
        try {
          caughtUp = !!(JSON.parse(m.data) as { caughtUp?: boolean }).caughtUp;
        } catch {
          // Treated as not caught up.
        }
        // A first stream starts after what the page has just fetched; a later one may have missed updates.
        if (wasLive && !caughtUp) missed.current?.();
        wasLive = true;
        setLiveState('live');
      });
      // The server has lost its own connection to the database's notifications for a moment.
      s.addEventListener('waiting', () => setLiveState('reconnecting'));
      s.addEventListener('error', () => {
        if (stopped) return;
        setLiveState('reconnecting');
        // A dropped connection is retried by the browser, with Last-Event-ID; an error answer is not.
        if (s.readyState === EventSource.CLOSED) {
          s.close();
          reopen = window.setTimeout(open, REOPEN_MS);
        }
      });
      s.addEventListener('signed-out', () => {
        stopped = true;
        s.close();
        setLiveState('off');
      });
    };

    open();
    return () => {
      stopped = true;
      window.clearTimeout(reopen);
      source?.close();
      setLiveState('off');
    };
  }, [enabled]);
}

// ---- What an update refreshes ----

/** Whether a query's data shows the occurrence (its id appears in it). */
function shows(data: unknown, occurrenceId: string): boolean {
  if (data === undefined || data === null) return false;
  try {
    return JSON.stringify(data).includes(`"${occurrenceId}"`);
  } catch {
    return false;
  }
}

/**
 * The cached queries an update touches, and only those: the occurrence itself; the lists, handover
 * draft and summaries that show it; and, for a change to an occurrence (one opened, closed or
 * edited), the first page of each list and the handover draft, where it may newly appear. Any other
 * open search is left alone: an entry added to an occurrence it does not show changes nothing in it.
 */
export function queriesToRefresh(event: OccurrenceEvent, cached: readonly { queryKey: QueryKey; data: unknown }[]): QueryKey[] {
  const changed = event.what === 'occurrence';
  return cached.filter(({ queryKey: [kind, detail], data }) => {
    switch (kind) {
      case 'occurrence':
        return detail === event.occurrenceId;
      case 'occurrences': {
        const page = (detail as { page?: number } | undefined)?.page ?? 1;
        return shows(data, event.occurrenceId) || (changed && page === 1);
      }
      case 'handovers':
        return shows(data, event.occurrenceId) || (changed && detail === 'draft');
      case 'supervisor-overview':
        return shows(data, event.occurrenceId);
      default:
        return false;
    }
  }).map((q) => q.queryKey);
}

/** What live pages show, fetched again when updates may have been missed. */
const LIVE_QUERIES: QueryKey[] = [['occurrences'], ['occurrence'], ['handovers'], ['supervisor-overview']];

/**
 * Keeps what the page shows fresh as others write: each update refreshes what it touches
 * (queriesToRefresh); updates missed and not replayed refresh everything live.
 */
export function useLiveOccurrences(_occurrenceId?: string) {
  const queryClient = useQueryClient();
  useOccurrenceEvents((event) => {
    const cached = queryClient.getQueryCache().getAll().map((q) => ({ queryKey: q.queryKey, data: q.state.data }));
    for (const queryKey of queriesToRefresh(event, cached)) void queryClient.invalidateQueries({ queryKey, exact: true });
  }, {
    onMissed: () => {
      for (const queryKey of LIVE_QUERIES) void queryClient.invalidateQueries({ queryKey });
    },
  });
}
