import type {
  Asset,
  AssetInputSchema,
  AssetPatchSchema,
  Checklist,
  ChecklistItemSchema,
  Classification,
  ClassifyBodySchema,
  DossierBodySchema,
  DossierStatus,
  InventoryImport,
  InventoryOverview,
  InventorySummary,
  IpRange,
  IpRangeInputSchema,
  IpRangePatchSchema,
  OrgDetail,
  PackChoiceSchema,
  PackSummarySchema,
  RegulationPack,
  RequirementBodySchema,
  SoftwareSchema,
  System,
  SystemCategory,
  SystemInputSchema,
  SystemPatchSchema,
  AssetKind,
} from '@khien/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, buildUrl, type UploadOptions } from '../../lib/api-client';
import type { Infer, Ok, Page } from '../../lib/contract-types';
import type { Criticality, HygieneFilter, ImportFormat, ImportKind } from '../../lib/enums';

export type SystemInput = Infer<typeof SystemInputSchema>;
export type SystemPatch = Infer<typeof SystemPatchSchema>;
export type ClassifyBody = Infer<typeof ClassifyBodySchema>;
export type DossierBody = Infer<typeof DossierBodySchema>;
export type RequirementBody = Infer<typeof RequirementBodySchema>;
export type ChecklistItem = Infer<typeof ChecklistItemSchema>;
export type AssetInput = Infer<typeof AssetInputSchema>;
export type AssetPatch = Infer<typeof AssetPatchSchema>;
export type IpRangeInput = Infer<typeof IpRangeInputSchema>;
export type IpRangePatch = Infer<typeof IpRangePatchSchema>;
export type PackChoice = Infer<typeof PackChoiceSchema>;
export type PackSummary = Infer<typeof PackSummarySchema>;
export type Software = Infer<typeof SoftwareSchema>;
export type ImportOnError = 'keep' | 'refuse';
export type LevelFilter = 1 | 2 | 3 | 4 | 5 | 'none';

export interface SystemListQuery {
  under?: string;
  q?: string;
  category?: SystemCategory;
  level?: LevelFilter;
  dossier?: DossierStatus;
  sort?: 'name' | 'level' | 'updated';
  limit?: number;
  offset?: number;
}

export interface AssetListQuery {
  under?: string;
  q?: string;
  kind?: AssetKind;
  criticality?: Criticality;
  systemId?: string;
  hygiene?: HygieneFilter;
  ip?: string;
  limit?: number;
  offset?: number;
}

export interface IpRangeListQuery {
  under?: string;
  q?: string;
  overlapping?: 'true' | 'false';
  ip?: string;
  limit?: number;
  offset?: number;
}

export interface PageQuery {
  q?: string;
  limit?: number;
  offset?: number;
}

export interface ImportRequest {
  orgId: string;
  kind: ImportKind;
  /** undefined: the server guesses from the name and the first bytes */
  format?: ImportFormat;
  onError: ImportOnError;
  dryRun: boolean;
  file: File;
}

/** Every key starts with 'inventory', so one invalidation refreshes registries, summaries and pages. */
export const inventoryKeys = {
  all: ['inventory'] as const,
  systems: (q: SystemListQuery) => ['inventory', 'systems', q] as const,
  system: (id: string) => ['inventory', 'system', id] as const,
  classifications: (id: string) => ['inventory', 'classifications', id] as const,
  checklist: (id: string) => ['inventory', 'checklist', id] as const,
  preview: (id: string, body: unknown) => ['inventory', 'preview', id, body] as const,
  assets: (q: AssetListQuery) => ['inventory', 'assets', q] as const,
  asset: (id: string) => ['inventory', 'asset', id] as const,
  software: (id: string, q: PageQuery) => ['inventory', 'software', id, q] as const,
  ipRanges: (q: IpRangeListQuery) => ['inventory', 'ip-ranges', q] as const,
  summary: (orgId: string) => ['inventory', 'summary', orgId] as const,
  overview: (orgId: string) => ['inventory', 'overview', orgId] as const,
  packChoice: (orgId: string) => ['inventory', 'pack-choice', orgId] as const,
  imports: (orgId: string) => ['inventory', 'imports', orgId] as const,
  import: (id: string) => ['inventory', 'import', id] as const,
  // Packs are data files that change only with a release: cached apart from the inventory.
  pack: (packId: string) => ['regulation-pack', packId] as const,
  orgName: (id: string) => ['inventory-org-name', id] as const,
};

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

export const inventoryApi = {
  // regulation packs
  packChoice: (orgId: string) => api.get<PackChoice>('/inventory/packs', { orgId }),
  choosePack: (orgId: string, packId: string) => api.put<PackChoice>('/inventory/packs', { orgId, packId }),
  pack: (packId: string) => api.get<RegulationPack>(`/inventory/packs/${encodeURIComponent(packId)}`),

  // systems
  systems: (q: SystemListQuery, signal?: AbortSignal) => api.get<Page<System>>('/systems', { ...q }, signal),
  system: (id: string) => api.get<System>(`/systems/${id}`),
  createSystem: (body: SystemInput) => api.post<System>('/systems', body),
  updateSystem: (id: string, body: SystemPatch) => api.patch<System>(`/systems/${id}`, body),
  removeSystem: (id: string, version: number) => api.del<Ok>(`/systems/${id}?version=${version}`),
  classify: (id: string, body: ClassifyBody) => api.post<Classification>(`/systems/${id}/classify`, body),
  classifications: (id: string) => api.get<Classification[]>(`/systems/${id}/classifications`),
  dossier: (id: string, body: DossierBody) => api.post<System>(`/systems/${id}/dossier`, body),
  checklist: (id: string) => api.get<Checklist>(`/systems/${id}/checklist`),
  setRequirement: (id: string, requirementId: string, body: RequirementBody) =>
    api.put<ChecklistItem>(`/systems/${id}/checklist/${encodeURIComponent(requirementId)}`, body),
  addEvidence: (id: string, requirementId: string, file: File, options: UploadOptions = {}) =>
    api.upload<ChecklistItem>(`/systems/${id}/checklist/${encodeURIComponent(requirementId)}/evidence`, fileForm(file), options),
  /** Plain link: the browser downloads with the session cookie. */
  // every stored file is served by the one download route, which asks the inventory whether the caller may read it
  evidenceUrl: (fileId: string) => buildUrl(`/files/${fileId}`),

  // assets
  assets: (q: AssetListQuery, signal?: AbortSignal) => api.get<Page<Asset>>('/assets', { ...q }, signal),
  asset: (id: string) => api.get<Asset>(`/assets/${id}`),
  createAsset: (body: AssetInput) => api.post<Asset>('/assets', body),
  updateAsset: (id: string, body: AssetPatch) => api.patch<Asset>(`/assets/${id}`, body),
  removeAsset: (id: string, version: number) => api.del<Ok>(`/assets/${id}?version=${version}`),
  software: (id: string, q: PageQuery, signal?: AbortSignal) => api.get<Page<Software>>(`/assets/${id}/software`, { ...q }, signal),

  // owned IP space
  ipRanges: (q: IpRangeListQuery, signal?: AbortSignal) => api.get<Page<IpRange>>('/ip-ranges', { ...q }, signal),
  createIpRange: (body: IpRangeInput) => api.post<IpRange>('/ip-ranges', body),
  updateIpRange: (id: string, body: IpRangePatch) => api.patch<IpRange>(`/ip-ranges/${id}`, body),
  removeIpRange: (id: string, version: number) => api.del<Ok>(`/ip-ranges/${id}?version=${version}`),

  // summaries
  summary: (orgId: string) => api.get<InventorySummary>('/inventory/summary', { orgId }),
  overview: (orgId: string) => api.get<InventoryOverview>('/inventory/overview', { orgId }),

  // imports
  startImport: (req: ImportRequest, options: Omit<UploadOptions, 'query'> = {}) => {
    const form = new FormData();
    form.append('orgId', req.orgId);
    form.append('kind', req.kind);
    if (req.format) form.append('format', req.format);
    form.append('onError', req.onError);
    form.append('dryRun', String(req.dryRun));
    // the server streams the file part, so every option must come before it
    form.append('file', req.file, req.file.name);
    return api.upload<InventoryImport>('/inventory/imports', form, options);
  },
  imports: (orgId: string) => api.get<Page<InventoryImport>>('/inventory/imports', { orgId }),
  import: (id: string) => api.get<InventoryImport>(`/inventory/imports/${id}`),
  templateUrl: (kind: ImportKind, format: 'xlsx' | 'csv') => buildUrl(`/inventory/templates/${kind}`, { format }),

  orgName: (id: string) => api.get<OrgDetail>(`/orgs/${id}`).then((o) => o.name),
};

// ---------------------------------------------------------------- query hooks

export function useSystems(q: SystemListQuery) {
  return useQuery({ queryKey: inventoryKeys.systems(q), queryFn: ({ signal }) => inventoryApi.systems(q, signal), placeholderData: keepPreviousData });
}

export function useSystem(id: string) {
  return useQuery({ queryKey: inventoryKeys.system(id), queryFn: () => inventoryApi.system(id), enabled: id !== '' });
}

export function useClassifications(id: string) {
  return useQuery({ queryKey: inventoryKeys.classifications(id), queryFn: () => inventoryApi.classifications(id) });
}

/** A system without a level has no checklist yet, so nothing is asked for. */
export function useChecklist(id: string, enabled: boolean) {
  return useQuery({ queryKey: inventoryKeys.checklist(id), queryFn: () => inventoryApi.checklist(id), enabled });
}

export function useAssets(q: AssetListQuery, enabled = true) {
  return useQuery({
    queryKey: inventoryKeys.assets(q),
    queryFn: ({ signal }) => inventoryApi.assets(q, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAsset(id: string) {
  return useQuery({ queryKey: inventoryKeys.asset(id), queryFn: () => inventoryApi.asset(id) });
}

export function useSoftware(id: string, q: PageQuery) {
  return useQuery({
    queryKey: inventoryKeys.software(id, q),
    queryFn: ({ signal }) => inventoryApi.software(id, q, signal),
    placeholderData: keepPreviousData,
  });
}

export function useIpRanges(q: IpRangeListQuery) {
  return useQuery({ queryKey: inventoryKeys.ipRanges(q), queryFn: ({ signal }) => inventoryApi.ipRanges(q, signal), placeholderData: keepPreviousData });
}

export function useSummary(orgId: string | null) {
  return useQuery({ queryKey: inventoryKeys.summary(orgId ?? ''), queryFn: () => inventoryApi.summary(orgId ?? ''), enabled: Boolean(orgId) });
}

export function useOverview(orgId: string | null) {
  return useQuery({ queryKey: inventoryKeys.overview(orgId ?? ''), queryFn: () => inventoryApi.overview(orgId ?? ''), enabled: Boolean(orgId) });
}

export function usePackChoice(orgId: string | null) {
  return useQuery({ queryKey: inventoryKeys.packChoice(orgId ?? ''), queryFn: () => inventoryApi.packChoice(orgId ?? ''), enabled: Boolean(orgId) });
}

export function usePack(packId: string | null) {
  return useQuery({
    queryKey: inventoryKeys.pack(packId ?? ''),
    queryFn: () => inventoryApi.pack(packId ?? ''),
    enabled: Boolean(packId),
    staleTime: 60 * 60_000,
  });
}

export function useImports(orgId: string | null) {
  return useQuery({ queryKey: inventoryKeys.imports(orgId ?? ''), queryFn: () => inventoryApi.imports(orgId ?? ''), enabled: Boolean(orgId) });
}

/** Polls about once a second while the server is still reading or writing the file. */
export function useImport(id: string | null) {
  return useQuery({
    queryKey: inventoryKeys.import(id ?? ''),
    queryFn: () => inventoryApi.import(id ?? ''),
    enabled: Boolean(id),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'running' ? 1000 : false;
    },
  });
}

/** The name of an org known only by id (a filter read from the address bar). */
export function useOrgName(id: string | null) {
  return useQuery({ queryKey: inventoryKeys.orgName(id ?? ''), queryFn: () => inventoryApi.orgName(id ?? ''), enabled: Boolean(id), staleTime: 10 * 60_000 });
}

/** After any change: registries, pages and summaries all read from the same tables. */
export function useRefreshInventory(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: inventoryKeys.all }), [queryClient]);
}
