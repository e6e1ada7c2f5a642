import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import vi from '../../web/src/i18n/vi.json' with { type: 'json' };
import { classifyActorLabel } from '../src/modules/audit/audit-actors.js';
import { collectAuditVocabulary } from './support/audit-vocabulary.js';

const vocabulary = collectAuditVocabulary(path.resolve(import.meta.dirname, '../src'));

/** "a.b.c" read the way i18next reads nested resources. */
function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}
const missing = (prefix: string, codes: Map<string, string>) =>
  [...codes].flatMap(([code, where]) =>
    (['vi', 'en'] as const).flatMap((lng) =>
      typeof lookup(lng === 'vi' ? vi : en, `${prefix}.${code}`) === 'string' ? [] : [`${lng}: ${prefix}.${code} (${where})`],
    ),
  );

describe('the audit log in words', () => {
  it('reads every action and object type the sources write', () => {
    expect(vocabulary.unresolved).toEqual([]);
    expect(vocabulary.actions.size).toBeGreaterThan(50);
    // computed ones: the work moves (`work.${EVENT[action]}`), the imports (`${entityType}.imported`), a constant
    for (const a of [
      'auth.login',
      'auth.totp',
      'auth.recovery_code',
      'work.acknowledged',
      'work.risk_accepted',
      'assets.imported',
      'ip_ranges.imported',
      'audit.checkpoint_created',
    ])
      expect([...vocabulary.actions.keys()]).toContain(a);
    expect([...vocabulary.entityTypes.keys()]).toEqual(expect.arrayContaining(['info_system', 'audit_checkpoint', 'work_item', 'org_contact']));
  });

  it('has a name in Vietnamese and English for every action', () => {
    expect(missing('audit.actions', vocabulary.actions)).toEqual([]);
  });

  it('has a name in Vietnamese and English for every object type', () => {
    expect(missing('audit.entityTypes', vocabulary.entityTypes)).toEqual([]);
  });

  it('knows every actor label the product writes for itself', () => {
    expect([...vocabulary.labels.keys()]).toEqual(expect.arrayContaining(['demo seed', 'cli:x', 'token:x', 'work timers', 'system']));
    const unknown = [...vocabulary.labels].filter(([label]) => classifyActorLabel(label).kind === 'unknown').map(([label, where]) => `${label} (${where})`);
    expect(unknown).toEqual([]);
  });

  it('writes the Vietnamese names with their diacritics', () => {
    expect(lookup(vi, 'audit.actions.auth.login')).toBe('Đăng nhập');
    expect(lookup(vi, 'audit.entityTypes.info_system')).toBe('Hệ thống thông tin');
    expect(lookup(vi, 'audit.actors.demo_seed')).toBe('Dữ liệu mẫu');
    expect(lookup(vi, 'audit.actors.cli')).toBe('Dòng lệnh ({{user}})');
  });
});

describe('classifyActorLabel', () => {
  it.each([
    ['demo seed', 'demo_seed', null],
    ['cli:root', 'cli', 'root'],
    ['cli', 'cli', null],
    ['token:quét tài sản', 'token', 'quét tài sản'],
    ['lo.mai@khien.local', 'person', 'lo.mai@khien.local'],
    ['system', 'system', null],
    ['robot', 'unknown', 'robot'],
  ])('%s → %s', (label, kind, detail) => {
    expect(classifyActorLabel(label)).toEqual({ kind, detail });
  });
});
