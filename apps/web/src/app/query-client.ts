import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client';

const NO_RETRY_STATUSES = new Set([400, 401, 403, 404, 409, 422, 423, 429]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (isApiError(error) && NO_RETRY_STATUSES.has(error.status)) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
