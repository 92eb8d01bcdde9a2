import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useCallback } from 'react';
import { sessionQuery, signOut } from '../api/auth';
import { setCsrfToken } from '../api/client';
import type { Session } from '../api/types';

export function useSession(): Session | null | undefined {
  return useQuery(sessionQuery).data;
}

/** Stores a session the server just returned, and forgets what the previous user could see. */
export function useSetSession() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: Session | null) => {
      const previous = queryClient.getQueryData<Session | null>(sessionQuery.queryKey);
      if (previous?.user.id !== session?.user.id) clearUserData(queryClient);
      setCsrfToken(session?.csrfToken);
      queryClient.setQueryData(sessionQuery.queryKey, session);
    },
    [queryClient],
  );
}

export function clearUserData(queryClient: ReturnType<typeof useQueryClient>) {
  queryClient.removeQueries({ predicate: (q) => !['session', 'meta'].includes(String(q.queryKey[0])) });
}

export function useSignOut() {
  const setSession = useSetSession();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await signOut();
    } finally {
      setSession(null);
      await navigate({ to: '/sign-in', search: { signedOut: 'self' } });
    }
  }, [setSession, navigate]);
}
