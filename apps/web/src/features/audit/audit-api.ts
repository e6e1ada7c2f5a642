import type { AuditEntry } from '@khien/contracts';
import { api } from '../../app/api-client';
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
};

export const auditApi = {
  list: (query: AuditQuery, signal?: AbortSignal) => api.get<Page<AuditEntry>>('/audit', { ...query }, signal),
};
