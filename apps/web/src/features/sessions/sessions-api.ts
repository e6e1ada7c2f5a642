import type { Session } from '@khien/contracts';
import { api } from '../../lib/api-client';
import type { Ok } from '../../lib/contract-types';

export const sessionKeys = { all: ['sessions'] as const };

export const sessionsApi = {
  list: () => api.get<{ items: Session[] }>('/auth/sessions'),
  revoke: (id: string) => api.del<Ok>(`/auth/sessions/${id}`),
};
