import type {
  Contact,
  ContactInput,
  CreateOrgBodySchema,
  ImportResult,
  OrgDetail,
  OrgHistoryEntrySchema,
  OrgKind,
  Org,
  UpdateOrgBodySchema,
} from '@khien/contracts';
import { api, buildUrl, type UploadOptions } from '../../lib/api-client';
import type { Infer, Ok, Page } from '../../lib/contract-types';

export type OrgHistoryEntry = Infer<typeof OrgHistoryEntrySchema>;
/** What the form sends; the server applies the schema's defaults. */
export type CreateOrgInput = Infer<typeof CreateOrgBodySchema>;
export type UpdateOrgInput = Infer<typeof UpdateOrgBodySchema>;

export interface OrgListQuery {
  parentId?: string;
  under?: string;
  q?: string;
  kind?: OrgKind;
  limit?: number;
  offset?: number;
}

export type ImportFormat = 'csv' | 'xlsx';
export type ImportOnError = 'skip' | 'abort';

export const orgKeys = {
  all: ['orgs'] as const,
  roots: () => ['orgs', 'roots'] as const,
  list: (query: OrgListQuery) => ['orgs', 'list', query] as const,
  children: (parentId: string) => ['orgs', 'children', parentId] as const,
  detail: (id: string) => ['orgs', 'detail', id] as const,
  history: (id: string) => ['orgs', 'history', id] as const,
};

export const orgsApi = {
  roots: () => api.get<Page<Org>>('/orgs/roots'),
  list: (query: OrgListQuery, signal?: AbortSignal) => api.get<Page<Org>>('/orgs', { ...query }, signal),
  get: (id: string) => api.get<OrgDetail>(`/orgs/${id}`),
  create: (body: CreateOrgInput) => api.post<OrgDetail>('/orgs', body),
  update: (id: string, body: UpdateOrgInput) => api.patch<OrgDetail>(`/orgs/${id}`, body),
  move: (id: string, parentId: string, version: number) => api.post<OrgDetail>(`/orgs/${id}/move`, { parentId, version }),
  remove: (id: string) => api.del<Ok>(`/orgs/${id}`),
  history: (id: string) => api.get<{ items: OrgHistoryEntry[] }>(`/orgs/${id}/history`),
  addContact: (orgId: string, body: ContactInput) => api.post<Contact>(`/orgs/${orgId}/contacts`, body),
  updateContact: (orgId: string, contactId: string, body: Partial<ContactInput>) => api.patch<Contact>(`/orgs/${orgId}/contacts/${contactId}`, body),
  removeContact: (orgId: string, contactId: string) => api.del<Ok>(`/orgs/${orgId}/contacts/${contactId}`),
  importFile: (file: File, dryRun: boolean, onError: ImportOnError, options: Omit<UploadOptions, 'query'> = {}) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api.upload<ImportResult>('/orgs/import', form, { ...options, query: { dryRun, onError } });
  },
  /** Plain links: the browser downloads with the session cookie, no script involved. */
  templateUrl: (format: ImportFormat) => buildUrl('/orgs/import-template', { format }),
  exportUrl: (format: ImportFormat, under?: string) => buildUrl('/orgs/export', { format, under }),
};
