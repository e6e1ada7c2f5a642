import type { TodoPage, WorkItem, WorkOverview } from '@khien/contracts';
import { api, type UploadOptions } from '../../lib/api-client';
import type { CheckStatus, TodoFilters, WorkAction } from './work-model';

export interface TodoQuery {
  state: TodoFilters['state'];
  kind?: string;
  orgId?: string;
  mine?: 'true';
  limit: number;
  offset: number;
}

export interface OverviewQuery {
  orgId?: string;
  kind?: string;
}

export interface CheckInput {
  status: CheckStatus;
  report: string;
  reason: string | null;
}

export function todoQuery(f: TodoFilters, limit: number, offset: number): TodoQuery {
  return { state: f.state, kind: f.kind ?? undefined, orgId: f.orgId ?? undefined, mine: f.mine ? 'true' : undefined, limit, offset };
}

export const workKeys = {
  all: ['work'] as const,
  todo: (f: TodoFilters) => ['work', 'todo', f] as const,
  overview: (q: OverviewQuery) => ['work', 'overview', q] as const,
  detail: (id: string) => ['work', 'detail', id] as const,
};

export const workApi = {
  todo: (q: TodoQuery, signal?: AbortSignal) => api.get<TodoPage>('/work', { ...q }, signal),
  overview: (q: OverviewQuery, signal?: AbortSignal) => api.get<WorkOverview>('/work/overview', { ...q }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<WorkItem>(`/work/${id}`, undefined, signal),
  act: (id: string, action: WorkAction, version: number, reason: string | null) => api.post<WorkItem>(`/work/${id}/actions/${action}`, { version, reason }),
  saveCheck: (id: string, key: string, body: CheckInput) => api.put<WorkItem>(`/work/${id}/checks/${encodeURIComponent(key)}`, body),
  addEvidence: (id: string, key: string, file: File, options: UploadOptions = {}) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<WorkItem>(`/work/${id}/checks/${encodeURIComponent(key)}/evidence`, form, options);
  },
  assign: (id: string, userId: string | null, version: number) => api.post<WorkItem>(`/work/${id}/assign`, { userId, version }),
  /** A plain link: the browser downloads with the session cookie. */
};
