import type {
  IncidentClosureReviewBodySchema,
  IncidentCreateBody,
  IncidentDetail,
  IncidentEvent,
  IncidentIndicatorsBodySchema,
  IncidentInviteBodySchema,
  IncidentListSchema,
  IncidentMergeBodySchema,
  IncidentPatchSchema,
  IncidentReportDetail,
  IncidentReportReviewBodySchema,
  IncidentStats,
  IncidentTaskBodySchema,
  Org,
  OrgKind,
  System,
} from '@khien/contracts';
import { api, buildUrl, type UploadOptions } from '../../lib/api-client';
import type { Infer, Page } from '../../lib/contract-types';
import type { listQuery } from './incident-model';

export type IncidentList = Infer<typeof IncidentListSchema>;
export type IncidentPatch = Infer<typeof IncidentPatchSchema>;
export type IndicatorsBody = Infer<typeof IncidentIndicatorsBodySchema>;
export type TaskBody = Infer<typeof IncidentTaskBodySchema>;
export type InviteBody = Infer<typeof IncidentInviteBodySchema>;
export type MergeBody = Infer<typeof IncidentMergeBodySchema>;
export type ClosureReviewBody = Infer<typeof IncidentClosureReviewBodySchema>;
export type ReportReviewBody = Infer<typeof IncidentReportReviewBodySchema>;
export type ListQuery = ReturnType<typeof listQuery>;
/** What the form sends; the server applies the schema's defaults. */
export type CreateBody = Partial<Pick<IncidentCreateBody, 'systemIds' | 'indicators' | 'personalData' | 'nationalSecurity'>> &
  Omit<IncidentCreateBody, 'systemIds' | 'assetIds' | 'indicators' | 'alertIds' | 'personalData' | 'nationalSecurity'>;

/** The kinds of org a commune filter offers: xã, phường, đặc khu. */
const COMMUNE_KINDS: readonly OrgKind[] = ['commune', 'ward', 'special_zone'];

export const incidentKeys = {
  all: ['incidents'] as const,
  lists: ['incidents', 'list'] as const,
  list: (q: unknown) => ['incidents', 'list', q] as const,
  detail: (id: string) => ['incidents', 'detail', id] as const,
  timeline: (id: string) => ['incidents', 'timeline', id] as const,
  report: (id: string, reportId: string) => ['incidents', 'report', id, reportId] as const,
  stats: (months: number) => ['incidents', 'stats', months] as const,
  communes: ['incidents', 'communes'] as const,
  systems: (orgId: string) => ['incidents', 'systems', orgId] as const,
};

const base = (id: string) => `/incidents/${id}`;

export const incidentsApi = {
  list: (q: ListQuery, signal?: AbortSignal) => api.get<IncidentList>('/incidents', { ...q }, signal),
  search: (q: string, signal?: AbortSignal) => api.get<IncidentList>('/incidents', { status: 'all', q: q || undefined, limit: 20 }, signal),
  create: (body: CreateBody) => api.post<IncidentDetail>('/incidents', body),
  fromAlerts: (alertIds: string[]) => api.post<IncidentDetail>('/incidents/from-alerts', { alertIds }),
  stats: (months: number, signal?: AbortSignal) => api.get<IncidentStats>('/incidents/stats', { months }, signal),
  get: (id: string, signal?: AbortSignal) => api.get<IncidentDetail>(base(id), undefined, signal),
  timeline: (id: string, offset: number, limit: number, signal?: AbortSignal) =>
    api.get<{ items: IncidentEvent[]; total: number }>(`${base(id)}/timeline`, { offset, limit }, signal),
  patch: (id: string, body: IncidentPatch) => api.patch<IncidentDetail>(base(id), body),
  note: (id: string, comment: string) => api.post<IncidentDetail>(`${base(id)}/notes`, { comment }),
  addIndicators: (id: string, body: IndicatorsBody) => api.post<IncidentDetail>(`${base(id)}/indicators`, body),
  removeIndicator: (id: string, indicatorId: string) => api.del<IncidentDetail>(`${base(id)}/indicators/${indicatorId}`),
  uploadEvidence: (id: string, file: File, options?: UploadOptions) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<IncidentDetail>(`${base(id)}/evidence`, form, options);
  },
  assignTask: (id: string, body: TaskBody) => api.post<IncidentDetail>(`${base(id)}/tasks`, body),
  invite: (id: string, body: InviteBody) => api.post<IncidentDetail>(`${base(id)}/team`, body),
  takeOver: (id: string, version: number) => api.post<IncidentDetail>(`${base(id)}/take-over`, { version }),
  merge: (id: string, body: MergeBody) => api.post<IncidentDetail>(`${base(id)}/merge`, body),
  reopen: (id: string, reason: string, version: number) => api.post<IncidentDetail>(`${base(id)}/reopen`, { reason, version }),
  reviewClosure: (id: string, body: ClosureReviewBody) => api.post<IncidentDetail>(`${base(id)}/closure-review`, body),
  report: (id: string, reportId: string, signal?: AbortSignal) => api.get<IncidentReportDetail>(`${base(id)}/reports/${reportId}`, undefined, signal),
  saveReport: (id: string, reportId: string, fields: Record<string, unknown>, version: number) =>
    api.put<IncidentReportDetail>(`${base(id)}/reports/${reportId}`, { fields, version }),
  submitReport: (id: string, reportId: string, version: number) => api.post<IncidentDetail>(`${base(id)}/reports/${reportId}/submit`, { version }),
  reviewReport: (id: string, reportId: string, body: ReportReviewBody) => api.post<IncidentDetail>(`${base(id)}/reports/${reportId}/review`, body),
  /** the affected systems an org may name: its own registry (inventory's GET /systems, under the org) */
  systems: (orgId: string, signal?: AbortSignal) => api.get<Page<System>>('/systems', { under: orgId, limit: 200, sort: 'name' }, signal),
  orgName: (id: string, signal?: AbortSignal) => api.get<{ id: string; name: string }>(`/orgs/${id}`, undefined, signal),
  communes: async (signal?: AbortSignal) => {
    const pages = await Promise.all(COMMUNE_KINDS.map((kind) => api.get<Page<Org>>('/orgs', { kind, limit: 500 }, signal)));
    return pages.flatMap((p) => p.items).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  },
};

/** Downloads go through plain links with the session cookie, like the file list. */
export const incidentLinks = {
  evidence: (id: string, evidenceId: string) => buildUrl(`${base(id)}/evidence/${evidenceId}`),
  reportDocx: (id: string, reportId: string) => buildUrl(`${base(id)}/reports/${reportId}/docx`),
  reportPdf: (id: string, reportId: string) => buildUrl(`${base(id)}/reports/${reportId}/pdf`),
  xlsx: (id: string) => buildUrl(`${base(id)}/export.xlsx`),
  stix: (id: string) => buildUrl(`${base(id)}/stix`),
};
