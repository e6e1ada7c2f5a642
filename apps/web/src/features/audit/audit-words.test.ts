import { AUDIT_ACTOR_KINDS, type AuditEntry } from '@khien/contracts';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { RESOURCES } from '../../i18n/resources';
import { actionWords, actorWords, entityTypeWords, humanizeCode, knownCodes } from './audit-words';

async function instance(lng: 'vi' | 'en') {
  const i = i18next.createInstance();
  // as initI18n configures it
  await i.init({
    resources: { vi: { translation: RESOURCES.vi }, en: { translation: RESOURCES.en } },
    lng,
    fallbackLng: 'vi',
    nsSeparator: false,
    interpolation: { escapeValue: false },
  });
  return i.t;
}

const entry = (over: Partial<AuditEntry>): Pick<AuditEntry, 'actorKind' | 'actorName' | 'actorDetail' | 'actorLabel'> => ({
  actorKind: 'person',
  actorName: null,
  actorDetail: null,
  actorLabel: 'x',
  ...over,
});

describe('audit words', () => {
  it('names actions and object types in the reader’s language', async () => {
    const vi = await instance('vi');
    const en = await instance('en');
    expect(actionWords(vi, 'auth.login')).toEqual({ text: 'Đăng nhập', known: true });
    expect(actionWords(en, 'auth.login')).toEqual({ text: 'Signed in', known: true });
    expect(entityTypeWords(vi, 'info_system').text).toBe('Hệ thống thông tin');
    expect(entityTypeWords(en, 'info_system').text).toBe('Information system');
    expect(actionWords(vi, 'directive.import.created').text).toBe('Đọc công văn từ tệp');
  });

  it('keeps an action without a name readable, and says so', async () => {
    const vi = await instance('vi');
    expect(humanizeCode('incident.triage_started')).toBe('incident › triage started');
    expect(actionWords(vi, 'incident.triage_started')).toEqual({ text: 'incident › triage started (chưa có tên gọi)', known: false });
    // a prefix of known actions is not a name either
    expect(actionWords(vi, 'org').known).toBe(false);
  });

  it('names actors: people by name, the product’s own work in words', async () => {
    const vi = await instance('vi');
    const en = await instance('en');
    expect(actorWords(vi, entry({ actorName: 'Nguyễn Văn Hùng', actorDetail: 'dieuphoi.tinh@khien.local' }))).toEqual({
      name: 'Nguyễn Văn Hùng',
      detail: 'dieuphoi.tinh@khien.local',
    });
    expect(actorWords(vi, entry({ actorDetail: 'gone@khien.local' })).name).toBe('gone@khien.local');
    expect(actorWords(vi, entry({ actorKind: 'demo_seed', actorLabel: 'demo seed' })).name).toBe('Dữ liệu mẫu');
    expect(actorWords(en, entry({ actorKind: 'demo_seed', actorLabel: 'demo seed' })).name).toBe('Demo data');
    expect(actorWords(vi, entry({ actorKind: 'cli', actorDetail: 'root', actorLabel: 'cli:root' })).name).toBe('Dòng lệnh (root)');
    expect(actorWords(en, entry({ actorKind: 'cli', actorDetail: 'root', actorLabel: 'cli:root' })).name).toBe('Command line (root)');
    expect(actorWords(vi, entry({ actorKind: 'token', actorName: 'Lò Thị Mai', actorDetail: 'quét' })).name).toBe('Lò Thị Mai, qua mã truy cập API «quét»');
    expect(actorWords(vi, entry({ actorKind: 'file_import', actorName: 'Lò Thị Mai' })).name).toBe('Lò Thị Mai, nhập tệp');
    expect(actorWords(vi, entry({ actorKind: 'unknown', actorLabel: 'robot' })).name).toBe('robot');
  });

  it('has words for every actor kind in both languages', async () => {
    for (const lng of ['vi', 'en'] as const) {
      const t = await instance(lng);
      for (const kind of AUDIT_ACTOR_KINDS) {
        const { name } = actorWords(t, entry({ actorKind: kind, actorName: 'A', actorDetail: 'b', actorLabel: 'c' }));
        expect(name, `${lng}:${kind}`).not.toMatch(/audit\.actors|^$/);
      }
    }
  });

  it('lists the named codes for the filters', () => {
    const codes = knownCodes(RESOURCES.vi.audit.actions);
    expect(codes).toContain('auth.login');
    expect(codes).toContain('directive.import.created');
    expect(codes).not.toContain('directive.import');
  });
});
