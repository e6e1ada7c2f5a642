import type { ApiToken, CreateApiTokenBodySchema } from '@khien/contracts';
import { api } from '../../lib/api-client';
import type { Infer, Ok } from '../../lib/contract-types';

export type CreateTokenInput = Infer<typeof CreateApiTokenBodySchema>;
export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

export const tokenKeys = { all: ['tokens'] as const };

export const tokensApi = {
  list: () => api.get<{ items: ApiToken[] }>('/tokens'),
  create: (body: CreateTokenInput) => api.post<CreatedToken>('/tokens', body),
  revoke: (id: string) => api.del<Ok>(`/tokens/${id}`),
};
