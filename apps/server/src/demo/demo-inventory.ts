import type { Db } from '../platform/db/client.js';
import type { AuditContext } from '../platform/audit/audit.js';
import type { Actor } from '../platform/policy.js';
import { AssetInputSchema, SystemInputSchema } from '@khien/contracts';
import { demoInventory } from '../modules/inventory/index.js';
import { buildWorkContext } from '../work-context.js';

export const DEMO_ACTOR: Actor = {
  kind: 'user',
  userId: '00000000-0000-0000-0000-000000000000',
  tokenId: null,
  label: 'demo seed',
  grants: [{ role: 'system_admin', orgPath: null }],
  tokenLimit: null,
};

/** A small inventory for the demo province: systems at several levels, computers, a billboard, owned IP space. */
export async function seedDemoInventory(db: Db, org: (key: string) => string, audit: AuditContext): Promise<void> {
  const { createSystem, classifySystem, advanceDossier, createAsset, createIpRange } = demoInventory;
  const a = { ...audit, actor: DEMO_ACTOR };
  const work = buildWorkContext();
  const system = async (orgKey: string, input: Record<string, unknown>, answers: Record<string, string | boolean | number>, submittedOn?: string) => {
    const s = await createSystem(db, DEMO_ACTOR, SystemInputSchema.parse({ orgId: org(orgKey), ...input }), a);
    await classifySystem(db, DEMO_ACTOR, s.id, { answers, preview: false, version: s.version }, a, work);
    if (submittedOn)
      await advanceDossier(db, DEMO_ACTOR, s.id, { status: 'submitted', on: submittedOn, decisionNumber: null, note: '', version: s.version + 1 }, a, work);
    return s.id;
  };
  const portal = await system(
    'vp',
    {
      name: 'Cổng thông tin điện tử tỉnh Điện Biên',
      category: 'portal',
      internetFacing: true,
      userCount: 50_000,
      hosting: 'provincial_data_centre',
      purpose: 'Công bố thông tin, tiếp nhận phản ánh kiến nghị',
    },
    { internal_public_only: false, online_public_service: 'info_only', personal_data_subjects: 3_000 },
    '2026-10-05',
  );
  const dvc = await system(
    'vp',
    {
      name: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh',
      category: 'public_service',
      internetFacing: true,
      userCount: 250_000,
      personalDataSubjects: 250_000,
      hosting: 'provincial_data_centre',
    },
    { internal_public_only: false, admin_procedures: true, online_public_service: 'level_3_4', personal_data_subjects: 250_000 },
  );
  for (const key of ['dbp', 'ml', 'mn']) {
    await system(
      `${key}-vp`,
      { name: 'Hệ thống quản lý văn bản và điều hành', category: 'document_management', userCount: 40, dataKinds: ['internal', 'personal_basic'] },
      { internal_public_only: false, infrastructure_scope: 'one_agency', personal_data_subjects: 40 },
    );
  }
  const asset = (orgKey: string, input: Record<string, unknown>) => createAsset(db, DEMO_ACTOR, AssetInputSchema.parse({ orgId: org(orgKey), ...input }), a);
  await asset('vp', {
    kind: 'server',
    name: 'Máy chủ Cổng TTĐT tỉnh',
    hostname: 'portal-01',
    ipAddresses: ['192.0.2.10'],
    osName: 'Ubuntu',
    osVersion: '22.04',
    criticality: 'high',
    avProduct: 'BKAV Endpoint',
    avLicensed: true,
    avManaged: true,
    firewallOn: true,
    lastPatchOn: '2026-11-10',
    systemIds: [portal],
  });
  await asset('vp', {
    kind: 'server',
    name: 'Máy chủ dịch vụ công',
    hostname: 'dvc-app-01',
    ipAddresses: ['192.0.2.11'],
    osName: 'Windows Server',
    osVersion: '2019',
    criticality: 'critical',
    avProduct: 'Microsoft Defender',
    avLicensed: true,
    avManaged: false,
    firewallOn: true,
    lastPatchOn: '2026-09-01',
    systemIds: [dvc],
  });
  for (const key of ['dbp', 'ml', 'mn']) {
    await asset(`${key}-vp`, {
      kind: 'workstation',
      name: 'Máy văn thư',
      hostname: `${key}-vt-01`,
      osName: 'Windows 10 Pro',
      avProduct: 'BKAV Home',
      avLicensed: false,
      firewallOn: true,
      lastPatchOn: '2026-06-15',
    });
    await asset(`${key}-vp`, {
      kind: 'workstation',
      name: 'Máy kế toán',
      hostname: `${key}-kt-01`,
      osName: 'Windows 11 Pro',
      avProduct: 'Kaspersky Endpoint Security',
      avLicensed: true,
      avManaged: true,
      firewallOn: false,
      lastPatchOn: '2026-11-01',
    });
    await asset(`${key}-vp`, { kind: 'billboard', name: 'Bảng điện tử trước trụ sở', location: 'Cổng trụ sở UBND', criticality: 'high' });
  }
  const range = (orgKey: string, text: string, isp: string) =>
    createIpRange(
      db,
      DEMO_ACTOR,
      { orgId: org(orgKey), range: text, isp, validFrom: '2026-01-01', validTo: null, note: 'Dữ liệu mẫu (dải địa chỉ dành cho tài liệu, RFC 5737)' },
      a,
    );
  await range('vp', '192.0.2.0/28', 'VNPT');
  await range('dbp-vp', '198.51.100.16/29', 'Viettel');
  // an overlap, as happens when an ISP reassigns addresses and nobody updates the list
  await range('ml-vp', '192.0.2.8/30', 'VNPT');
}
