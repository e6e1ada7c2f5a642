import type {
  Assignment,
  AssignmentEventSchema,
  AssignmentStatus,
  AssignmentSummarySchema,
  AssignmentTaskSchema,
  AttachmentSchema,
  Cascade,
  Directive,
  DirectiveInput,
  DirectiveStatus,
  DirectiveSummary,
  DocumentImportCapabilitiesSchema,
  DocumentImportSchema,
  FromUnits,
  OrgDetail,
  ParsedDispatchDraftSchema,
  RecipientRule,
  Rollup,
  TaskStatus,
  User,
} from '@khien/contracts';
import { api, buildUrl, type UploadOptions } from '../../lib/api-client';
import type { Infer, Ok, Page } from '../../lib/contract-types';
import type { RollupBy } from '../../lib/enums';

export type AssignmentSummary = Infer<typeof AssignmentSummarySchema>;
export type AssignmentTask = Infer<typeof AssignmentTaskSchema>;
export type AssignmentEvent = Infer<typeof AssignmentEventSchema>;
export type Attachment = Infer<typeof AttachmentSchema>;
export type ParsedDispatchDraft = Infer<typeof ParsedDispatchDraftSchema>;
export type DocumentImport = Infer<typeof DocumentImportSchema>;
export type DocumentImportCapabilities = Infer<typeof DocumentImportCapabilitiesSchema>;
export type DirectiveSide = 'issued' | 'received';

export interface RecipientPreviewItem {
  id: string;
  name: string;
  kind: string;
  parentName: string | null;
}
export interface RecipientPreview {
  items: RecipientPreviewItem[];
  total: number;
}

export interface DirectiveListQuery {
  side?: DirectiveSide;
  status?: DirectiveStatus;
  q?: string;
  limit?: number;
  offset?: number;
}

export interface AssignmentListQuery {
  status?: AssignmentStatus;
  orgId?: string;
  limit?: number;
  offset?: number;
}

export interface CascadeQuery {
  limit: number;
  offset: number;
  /** only recipients with units that have not relayed */
  notRelayed?: boolean;
}

export interface TaskReportInput {
  status: TaskStatus;
  report: string;
  naReason: string | null;
}

export const directiveKeys = {
  all: ['directives'] as const,
  list: (query: DirectiveListQuery) => ['directives', 'list', query] as const,
  detail: (id: string) => ['directives', 'detail', id] as const,
  preview: (id: string, rule: string) => ['directives', 'preview', id, rule] as const,
  assignments: (id: string, query: AssignmentListQuery) => ['directives', 'assignments', id, query] as const,
  rollup: (id: string, by: RollupBy) => ['directives', 'rollup', id, by] as const,
  cascade: (id: string, notRelayed: boolean) => ['directives', 'cascade', id, notRelayed] as const,
  org: (id: string) => ['directives', 'org', id] as const,
  documentImport: (id: string) => ['directives', 'document-import', id] as const,
  importCapabilities: ['directives', 'import-capabilities'] as const,
};

export const assignmentKeys = {
  all: ['assignments'] as const,
  inbox: (query: AssignmentListQuery) => ['assignments', 'inbox', query] as const,
  detail: (id: string) => ['assignments', 'detail', id] as const,
  fromUnits: (id: string) => ['assignments', 'from-units', id] as const,
  orgUsers: (orgId: string) => ['assignments', 'org-users', orgId] as const,
};

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const directivesApi = {
  parseText: (text: string) => api.post<ParsedDispatchDraft>('/directives/parse', { text }),
  parseFile: (file: File, options: UploadOptions = {}) => api.upload<ParsedDispatchDraft>('/directives/parse', fileForm(file), options),
  /** A PDF or photo, read by a background job: poll `getImport` until done or failed. */
  startImport: (file: File, options: UploadOptions = {}) => api.upload<DocumentImport>('/directives/imports', fileForm(file), options),
  getImport: (id: string, signal?: AbortSignal) => api.get<DocumentImport>(`/directives/imports/${id}`, undefined, signal),
  importCapabilities: () => api.get<DocumentImportCapabilities>('/directives/imports/capabilities'),
  /** A page image of an import, served to its uploader with the session cookie. */
  importPageUrl: (id: string, page: number) => buildUrl(`/directives/imports/${id}/pages/${page}`),
  list: (query: DirectiveListQuery, signal?: AbortSignal) => api.get<Page<DirectiveSummary>>('/directives', { ...query }, signal),
  get: (id: string) => api.get<Directive>(`/directives/${id}`),
  create: (body: DirectiveInput, sourceFileId: string | null) => api.post<Directive>('/directives', body, { sourceFileId }),
  update: (id: string, version: number, body: DirectiveInput) => api.put<Directive>(`/directives/${id}`, body, { version }),
  addAttachment: (id: string, file: File, options: UploadOptions = {}) => api.upload<Directive>(`/directives/${id}/attachments`, fileForm(file), options),
  /** `rule` undefined: the saved draft's own rules. */
  previewRecipients: (id: string, rule?: RecipientRule | null) =>
    api.post<RecipientPreview>(`/directives/${id}/recipients-preview`, rule === undefined ? {} : { rule }),
  issue: (id: string, version: number) => api.post<Directive>(`/directives/${id}/issue`, { version }),
  close: (id: string, version: number) => api.post<Directive>(`/directives/${id}/close`, { version }),
  remove: (id: string) => api.del<Ok>(`/directives/${id}`),
  assignments: (id: string, query: AssignmentListQuery, signal?: AbortSignal) =>
    api.get<Page<AssignmentSummary>>(`/directives/${id}/assignments`, { ...query }, signal),
  rollup: (id: string, by: RollupBy) => api.get<Rollup>(`/directives/${id}/rollup`, { by }),
  /** One level of the chain: the recipients and what each relayed; a relay's own cascade is the next level. 403 for the recipient side. */
  cascade: (id: string, query: CascadeQuery, signal?: AbortSignal) =>
    api.get<Cascade>(`/directives/${id}/cascade`, { limit: query.limit, offset: query.offset, notRelayed: query.notRelayed ? 'true' : undefined }, signal),
  /** The name of an org a rule refers to by id. */
  org: (id: string) => api.get<OrgDetail>(`/orgs/${id}`),
  /** Plain links: the browser downloads with the session cookie. */
  exportUrl: (id: string) => buildUrl(`/directives/${id}/export.docx`),
  reportUrl: (id: string, format: 'docx' | 'xlsx') => buildUrl(`/directives/${id}/report.${format}`),
};

export const assignmentsApi = {
  inbox: (query: AssignmentListQuery, signal?: AbortSignal) => api.get<Page<AssignmentSummary>>('/assignments', { ...query }, signal),
  get: (id: string) => api.get<Assignment>(`/assignments/${id}`),
  /** Triển khai: a draft directive of the receiving org to its own units, pre-filled; each call makes a new draft. */
  relay: (id: string) => api.post<Directive>(`/assignments/${id}/relay`),
  /** What the org's own units answered on the relayed tasks, with a suggested report per task. */
  fromUnits: (id: string) => api.get<FromUnits>(`/assignments/${id}/from-units`),
  acknowledge: (id: string, version: number) => api.post<Assignment>(`/assignments/${id}/acknowledge`, { version }),
  assign: (id: string, userId: string | null, version: number) => api.post<Assignment>(`/assignments/${id}/assign`, { userId, version }),
  updateTask: (id: string, assignmentTaskId: string, body: TaskReportInput) => api.put<Assignment>(`/assignments/${id}/tasks/${assignmentTaskId}`, body),
  /** Every edited task at once: one request, all or nothing; `version` guards against a report saved elsewhere meanwhile. */
  updateTasks: (id: string, version: number, tasks: (TaskReportInput & { taskId: string })[]) =>
    api.patch<Assignment>(`/assignments/${id}/tasks`, { version, tasks }),
  /** The recipient's own báo cáo (DOCX), to print, sign and send to the issuer. */
  reportUrl: (id: string) => buildUrl(`/assignments/${id}/report.docx`),
  addEvidence: (id: string, assignmentTaskId: string, file: File, options: UploadOptions = {}) =>
    api.upload<Assignment>(`/assignments/${id}/tasks/${assignmentTaskId}/evidence`, fileForm(file), options),
  submit: (id: string, version: number) => api.post<Assignment>(`/assignments/${id}/submit`, { version }),
  review: (id: string, decision: 'accept' | 'return', comment: string | null, version: number) =>
    api.post<Assignment>(`/assignments/${id}/review`, { decision, comment, version }),
  orgUsers: (orgId: string) => api.get<Page<User>>('/users', { orgId, limit: 200 }),
};
