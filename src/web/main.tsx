import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiError, setAuthHandlers, setCsrfToken } from './api/client';
import { sessionQuery } from './api/auth';
import { makeRouter } from './router';
import { clearUserData } from './lib/session';
import './styles/main.scss';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      // Client errors (4xx) will not change on a retry.
      retry: (failures, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && failures < 2,
    },
  },
});

const router = makeRouter(queryClient);

setAuthHandlers({
  signedOut: () => {
    if (queryClient.getQueryData(sessionQuery.queryKey) === null) return;
    setCsrfToken(undefined);
    queryClient.setQueryData(sessionQuery.queryKey, null);
    clearUserData(queryClient);
    const { pathname, href } = router.state.location;
    if (!pathname.startsWith('/sign-in')) void router.navigate({ to: '/sign-in', search: { next: href, signedOut: 'expired' } });
  },
  stageIncomplete: () => {
    void queryClient.invalidateQueries({ queryKey: sessionQuery.queryKey }).then(() => router.invalidate());
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
