import type {
  Coverage,
  DutyCalendarSchema,
  DutyImportResultSchema,
  DutyOverride,
  DutyOverrideBodySchema,
  DutyPerson,
  DutySwapBodySchema,
  OnDutyRow,
  OrgDetail,
  Rotation,
  RotationBodySchema,
  RotationPatchSchema,
} from '@khien/contracts';
import { api, buildUrl, type UploadOptions } from '../../lib/api-client';
import type { Infer, Ok, Page } from '../../lib/contract-types';
import type { NowFilters } from './duty-model';

export type DutyCalendar = Infer<typeof DutyCalendarSchema>;
export type DutyImportResult = Infer<typeof DutyImportResultSchema>;
export type RotationBody = Infer<typeof RotationBodySchema>;
export type RotationPatch = Infer<typeof RotationPatchSchema>;
export type OverrideBody = Infer<typeof DutyOverrideBodySchema>;
export type SwapBody = Infer<typeof DutySwapBodySchema>;

export const NOW_LIMIT = 50;

export const dutyKeys = {
  all: ['duty'] as const,
  now: (f: NowFilters) => ['duty', 'now', f] as const,
  people: (orgId: string) => ['duty', 'people', orgId] as const,
  org: (orgId: string) => ['duty', 'org', orgId] as const,
  calendar: (orgId: string, from: string, to: string) => ['duty', 'calendar', orgId, from, to] as const,
  coverage: (orgId: string, days: number) => ['duty', 'coverage', orgId, days] as const,
};

export const dutyApi = {
  now: (f: NowFilters, signal?: AbortSignal) =>
    api.get<Page<OnDutyRow>>('/duty/now', { q: f.q.trim() || undefined, staffed: f.staffed, limit: NOW_LIMIT, offset: f.offset }, signal),
  people: (orgId: string, signal?: AbortSignal) => api.get<{ items: DutyPerson[] }>('/duty/people', { orgId }, signal),
  /** the org's name and parents for the roster page's header (org:read, which every duty reader holds) */
  org: (orgId: string, signal?: AbortSignal) => api.get<OrgDetail>(`/orgs/${orgId}`, undefined, signal),
  calendar: (orgId: string, from: string, to: string, signal?: AbortSignal) => api.get<DutyCalendar>('/duty/calendar', { orgId, from, to }, signal),
  coverage: (orgId: string, from: string, to: string, signal?: AbortSignal) => api.get<Coverage>('/duty/coverage', { orgId, from, to }, signal),
  createRotation: (body: RotationBody) => api.post<Rotation>('/duty/rotations', body),
  updateRotation: (id: string, body: RotationPatch) => api.patch<Rotation>(`/duty/rotations/${id}`, body),
  deleteRotation: (id: string) => api.del<Ok>(`/duty/rotations/${id}`),
  createOverride: (body: OverrideBody) => api.post<DutyOverride>('/duty/overrides', body),
  deleteOverride: (id: string) => api.del<Ok>(`/duty/overrides/${id}`),
  swap: (rotationId: string, body: SwapBody) => api.post<{ items: DutyOverride[] }>(`/duty/rotations/${rotationId}/swap`, body),
  /** dry run first (nothing saved, every problem listed), then the same file for real */
  importRoster: (orgId: string, file: File, dryRun: boolean, options: UploadOptions = {}) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<DutyImportResult>('/duty/import', form, { ...options, query: { orgId, dryRun: dryRun ? 1 : 0 } });
  },
  /** A plain link: the browser downloads with the session cookie. */
  exportUrl: (kind: 'xlsx' | 'ics', orgId: string, from: string, to: string) => buildUrl(`/duty/export.${kind}`, { orgId, from, to }),
};
