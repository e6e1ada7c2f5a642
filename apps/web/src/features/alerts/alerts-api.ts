import type {
  AlertBoard,
  AlertChannel,
  AlertChannelBodySchema,
  AlertDetail,
  AlertListSchema,
  AlertPolicy,
  CreatedAlertChannelSchema,
  RoutingRule,
  RoutingRuleBodySchema,
  RoutingRulePatchSchema,
  RoutingTestResultSchema,
} from '@khien/contracts';
import { api } from '../../lib/api-client';
import type { Infer, Ok } from '../../lib/contract-types';
import type { AlertAction, AlertFormat, listQuery } from './alert-model';
import type { PolicyBody } from './chain-model';

export type AlertList = Infer<typeof AlertListSchema>;
export type RuleBody = Infer<typeof RoutingRuleBodySchema>;
export type RulePatch = Infer<typeof RoutingRulePatchSchema>;
export type RoutingTestResult = Infer<typeof RoutingTestResultSchema>;
export type ChannelBody = Infer<typeof AlertChannelBodySchema>;
export type CreatedChannel = Infer<typeof CreatedAlertChannelSchema>;
export type ListQuery = ReturnType<typeof listQuery>;

export const alertKeys = {
  all: ['alerts'] as const,
  lists: ['alerts', 'list'] as const,
  list: (q: unknown) => ['alerts', 'list', q] as const,
  detail: (id: string) => ['alerts', 'detail', id] as const,
  boards: ['alerts', 'board'] as const,
  board: (orgId: string | null) => ['alerts', 'board', orgId] as const,
  rules: ['alerts', 'rules'] as const,
  policy: (orgId: string) => ['alerts', 'policy', orgId] as const,
  channels: ['alerts', 'channels'] as const,
};

export const alertsApi = {
  list: (q: ListQuery, signal?: AbortSignal) => api.get<AlertList>('/alerts', { ...q }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<AlertDetail>(`/alerts/${id}`, undefined, signal),
  act: (id: string, action: AlertAction, version: number, comment?: string) =>
    api.post<AlertDetail>(`/alerts/${id}/actions`, { action, version, ...(comment ? { comment } : {}) }),
  board: (orgId: string | null, signal?: AbortSignal) => api.get<AlertBoard>('/alerts/board', { orgId }, signal),
  /** every rule the caller may configure; the panel shows one org's */
  rules: (signal?: AbortSignal) => api.get<{ items: RoutingRule[] }>('/alerts/rules', undefined, signal),
  createRule: (body: RuleBody) => api.post<RoutingRule>('/alerts/rules', body),
  updateRule: (id: string, body: RulePatch) => api.patch<RoutingRule>(`/alerts/rules/${id}`, body),
  deleteRule: (id: string) => api.del<Ok>(`/alerts/rules/${id}`),
  testRules: (orgId: string, format: AlertFormat | 'auto', sample: unknown) => api.post<RoutingTestResult>('/alerts/rules/test', { orgId, format, sample }),
  policy: (orgId: string, signal?: AbortSignal) => api.get<AlertPolicy>('/alerts/policy', { orgId }, signal),
  savePolicy: (orgId: string, body: PolicyBody) => api.put<AlertPolicy>('/alerts/policy', body, { orgId }),
  channels: (signal?: AbortSignal) => api.get<{ items: AlertChannel[] }>('/alerts/channels', undefined, signal),
  createChannel: (body: ChannelBody) => api.post<CreatedChannel>('/alerts/channels', body),
  deleteChannel: (id: string) => api.del<Ok>(`/alerts/channels/${id}`),
  orgName: (id: string, signal?: AbortSignal) => api.get<{ id: string; name: string }>(`/orgs/${id}`, undefined, signal),
};
