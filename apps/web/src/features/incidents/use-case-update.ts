import type { IncidentDetail } from '@khien/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { incidentKeys } from './incidents-api';

/** Every change answers with the whole case: it replaces the cached one, and the lists are read again. */
export function useCaseUpdate(id: string) {
  const queryClient = useQueryClient();
  const apply = useCallback(
    (next: IncidentDetail) => {
      queryClient.setQueryData(incidentKeys.detail(id), next);
      void queryClient.invalidateQueries({ queryKey: incidentKeys.lists });
      void queryClient.invalidateQueries({ queryKey: incidentKeys.timeline(id) });
    },
    [id, queryClient],
  );
  /** A 409: someone changed it first, or it is closed; read it again. */
  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: incidentKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: incidentKeys.lists });
  }, [id, queryClient]);
  return { apply, reload };
}
