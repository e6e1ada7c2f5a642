import { describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import inventoryEn from '../../i18n/inventory.en.json';
import inventoryVi from '../../i18n/inventory.vi.json';
import vi from '../../i18n/vi.json';
import {
  ASSET_KINDS,
  CRITICALITIES,
  DATA_KINDS,
  DOSSIER_STATUSES,
  HOSTING_KINDS,
  HYGIENE_FILTERS,
  IMPORT_FORMATS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  REGULATION_MARKS,
  REQUIREMENT_STATUSES,
  SYSTEM_CATEGORIES,
  USER_KINDS,
} from '../../lib/enums';

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (!node || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

describe('inventory labels', () => {
  // Keys built at run time (`inventory.enums.category.${c}`) escape i18n.test.ts's literal-key scan.
  it.each([
    ['enums.category', SYSTEM_CATEGORIES],
    ['enums.userKind', USER_KINDS],
    ['enums.dataKind', DATA_KINDS],
    ['enums.hosting', HOSTING_KINDS],
    ['enums.dossier', DOSSIER_STATUSES],
    ['enums.requirement', REQUIREMENT_STATUSES],
    ['enums.assetKind', ASSET_KINDS],
    ['enums.criticality', CRITICALITIES],
    ['enums.hygiene', HYGIENE_FILTERS],
    ['enums.importKind', IMPORT_KINDS],
    ['enums.importFormat', IMPORT_FORMATS],
    ['enums.importStatus', IMPORT_STATUSES],
    ['enums.mark', REGULATION_MARKS],
    ['enums.phase', ['validating', 'writing']],
    ['dossier.steps', ['drafting', 'submitted', 'appraised', 'approved']],
    ['import.fileProblem', ['empty', 'size', 'type']],
    ['import.outcome', ['done', 'doneWithErrors', 'dryRunDone', 'refused', 'failed']],
  ] as const)('labels every %s value in both languages', (prefix, values) => {
    const missing = values.flatMap((v) =>
      [
        ['vi', inventoryVi],
        ['en', inventoryEn],
      ].flatMap(([lng, tree]) => (lookup(tree as Tree, `${prefix}.${v}`) ? [] : [`${String(lng)}:${v}`])),
    );
    expect(missing).toEqual([]);
  });

  it('owns the top-level "inventory" key alone (index.ts merges the file under it)', () => {
    expect(Object.keys(vi)).not.toContain('inventory');
    expect(Object.keys(en)).not.toContain('inventory');
  });

  it('keeps the accessible names the end-to-end journey uses', () => {
    const names = {
      'systems.register': 'Đăng ký hệ thống',
      'systemForm.create': 'Đăng ký và xác định cấp độ',
      'fields.name': 'Tên',
      'fields.category': 'Loại hệ thống',
      'wizard.open': 'Xác định cấp độ',
      'wizard.save': 'Lưu cấp độ',
      'checklist.status': 'Trạng thái yêu cầu',
      'enums.requirement.met': 'Đã đáp ứng',
      'import.keep': 'Giữ các dòng hợp lệ',
      'import.start': 'Bắt đầu nhập',
      'nav.overview': 'Tổng quan hệ thống thông tin',
    };
    for (const [key, name] of Object.entries(names)) expect(lookup(inventoryVi as Tree, key), key).toBe(name);
  });
});
