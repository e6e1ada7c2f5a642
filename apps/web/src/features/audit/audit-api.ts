import type { AuditCheckpoint, AuditEntry } from '@khien/contracts';
import { api, buildUrl } from '../../lib/api-client';
import type { Page } from '../../lib/contract-types';

export interface AuditQuery {
  action?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  orgId?: string;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
  limit?: number;
  offset?: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditQuery) => ['audit', 'list', query] as const,
  checkpoints: (limit: number) => ['audit', 'checkpoints', limit] as const,
};

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<Page<AuditEntry>>('/audit', { ...query }, signal),
  /** 404 for readers whose audit scope is not the whole installation: the section stays hidden. */
  checkpoints: (limit: number, signal?: AbortSignal) => api.get<Page<AuditCheckpoint>>('/audit/checkpoints', { limit }, signal),
  createCheckpoint: () => api.post<AuditCheckpoint>('/audit/checkpoints'),
  /** a plain link: the session cookie goes with it and the server names the file */
  checkpointFileUrl: (id: number) => buildUrl(`/audit/checkpoints/${id}/export`),
};
