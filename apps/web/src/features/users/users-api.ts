import type { CreateUserBodySchema, Role, UpdateUserBodySchema, User } from '@khien/contracts';
import { api } from '../../lib/api-client';
import type { Infer, Page } from '../../lib/contract-types';

export type CreateUserInput = Infer<typeof CreateUserBodySchema>;
export type UpdateUserInput = Infer<typeof UpdateUserBodySchema>;
export interface UserWithPassword {
  user: User;
  temporaryPassword: string;
}

export interface UserListQuery {
  q?: string;
  orgId?: string;
  limit?: number;
  offset?: number;
}

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  detail: (id: string) => ['users', 'detail', id] as const,
};

export const usersApi = {
  list: (query: UserListQuery, signal?: AbortSignal) => api.get<Page<User>>('/users', { ...query }, signal),
  get: (id: string) => api.get<User>(`/users/${id}`),
  create: (body: CreateUserInput) => api.post<UserWithPassword>('/users', body),
  update: (id: string, body: UpdateUserInput) => api.patch<User>(`/users/${id}`, body),
  resetPassword: (id: string) => api.post<UserWithPassword>(`/users/${id}/reset-password`),
  resetTotp: (id: string) => api.post<User>(`/users/${id}/reset-totp`),
  endSessions: (id: string) => api.post<User>(`/users/${id}/end-sessions`),
  addGrant: (id: string, role: Role, orgId: string | null) => api.post<User>(`/users/${id}/grants`, { role, orgId }),
  removeGrant: (id: string, grantId: string) => api.del<User>(`/users/${id}/grants/${grantId}`),
};
