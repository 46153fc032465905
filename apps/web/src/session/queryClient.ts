import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/http';

export const ME_KEY = ['auth', 'me'] as const;

/** Session-wide reactions to API errors: the route guards then redirect. */
function onApiError(client: () => QueryClient, error: unknown): void {
  if (!(error instanceof ApiError)) return;
  if (error.status === 401 && error.code === 'UNAUTHENTICATED') {
    client().setQueryData(ME_KEY, null);
  } else if (
    error.code === 'PASSWORD_CHANGE_REQUIRED' ||
    error.code === 'SECOND_FACTOR_REQUIRED' ||
    error.code === 'TWO_FACTOR_ENROLMENT_REQUIRED'
  ) {
    void client().invalidateQueries({ queryKey: ME_KEY });
  }
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onApiError(() => client, error) }),
    mutationCache: new MutationCache({ onError: (error) => onApiError(() => client, error) }),
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
