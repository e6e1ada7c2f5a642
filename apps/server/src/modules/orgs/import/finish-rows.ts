import type { ContactInput, OrgKind } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import { restoreAdminCode, restoreParentCode } from './cell-text.js';
import { inferOrgKind } from './org-kinds.js';
import type { OrgImportRow, RawCell, RowIssue } from './types.js';
import { quote, RowProblems, validateCode } from './validate-fields.js';

/** A row whose own fields are valid; codes are still as read (leading zeros not yet restored). */
export interface Candidate {
  row: number;
  name: string;
  shortName: string;
  /** null: `loai` was blank; taken from an earlier row of the same org, else from the name ("Xã …"). */
  kind: OrgKind | null;
  adminCodeCell: RawCell | null;
  parentCodeCell: RawCell | null;
  parentPath: string[] | null;
  contact: ContactInput | null;
}

interface Resolved extends Omit<OrgImportRow, 'kind'> {
  kind: OrgKind;
}

/**
 * Checks that need the whole file, in file order:
 *  1. a blank kind is taken from an earlier row of the same org (same code or name), else from
 *     the name ("Phường …" → ward), else reported;
 *  2. codes get their leading zeros back (see cell-text.ts) and are validated;
 *  3. an org may span several rows (one per contact, as exports write it): a later row with
 *     the same code — or without a code, the same name under the same parent — is the same
 *     org when it agrees with the first (blank cells inherit), otherwise it is reported as a
 *     duplicate ("bị trùng với dòng N"). Rows of one org all carry the first row's org fields.
 */
export function finishRows(candidates: Candidate[], errors: RowIssue[]): OrgImportRow[] {
  const withKind: (Candidate & { kind: OrgKind; adminCode: string | null })[] = [];
  // kinds seen so far, by code (as written and restored) and by folded name, for rows with a blank kind
  const kindByCode = new Map<string, OrgKind>();
  const kindByName = new Map<string, OrgKind>();
  for (const c of candidates) {
    const problems = new RowProblems(c.row);
    const earlier = c.adminCodeCell ? kindByCode.get(c.adminCodeCell.text) : kindByName.get(foldVietnamese(c.name));
    const kind = c.kind ?? earlier ?? inferOrgKind(c.name);
    if (!kind) {
      problems.add('kind', 'kind_missing', {
        vi: `Thiếu loại đơn vị (cột loai) và không đoán được từ tên ${quote(c.name)}`,
        en: `The org kind (column loai) is missing and cannot be told from the name ${quote(c.name)}`,
      });
      errors.push(...problems.list);
      continue;
    }
    const adminCode = c.adminCodeCell ? validateCode('admin_code', restoreAdminCode(c.adminCodeCell, kind), problems) : null;
    if (!problems.ok) {
      errors.push(...problems.list);
      continue;
    }
    withKind.push({ ...c, kind, adminCode });
    if (c.adminCodeCell) kindByCode.set(c.adminCodeCell.text, kind);
    if (adminCode) kindByCode.set(adminCode, kind);
    kindByName.set(foldVietnamese(c.name), kind);
  }

  const codesInFile = new Set(withKind.flatMap((c) => (c.adminCode ? [c.adminCode] : [])));
  const resolved: Resolved[] = [];
  for (const c of withKind) {
    const problems = new RowProblems(c.row);
    const parentAdminCode = c.parentCodeCell ? validateCode('parent_admin_code', restoreParentCode(c.parentCodeCell, c.kind, codesInFile), problems) : null;
    if (parentAdminCode !== null && parentAdminCode === c.adminCode)
      problems.add('parent_admin_code', 'parent_is_self', {
        vi: `Mã đơn vị cha ${quote(parentAdminCode)} trùng với mã của chính đơn vị`,
        en: `Parent code ${quote(parentAdminCode)} is the org's own code`,
      });
    if (!problems.ok) {
      errors.push(...problems.list);
      continue;
    }
    resolved.push({
      row: c.row,
      name: c.name,
      shortName: c.shortName,
      kind: c.kind,
      adminCode: c.adminCode,
      parentAdminCode,
      parentPath: c.parentPath,
      contact: c.contact,
    });
  }
  return mergeSameOrg(resolved, errors);
}

function mergeSameOrg(rows: Resolved[], errors: RowIssue[]): OrgImportRow[] {
  // parent paths repeat on every row of a subtree: fold each distinct name once
  const folded = new Map<string, string>();
  const fold = (s: string) => {
    let f = folded.get(s);
    if (f === undefined) folded.set(s, (f = foldVietnamese(s)));
    return f;
  };
  const nameKeyOf = (r: Resolved) => [fold(r.name), r.parentAdminCode ?? '', (r.parentPath ?? []).map(fold).join('/')].join('|');
  const byCode = new Map<string, Resolved>();
  const byName = new Map<string, Resolved>();
  const out: OrgImportRow[] = [];
  for (const r of rows) {
    const nameKey = nameKeyOf(r);
    const first = r.adminCode ? byCode.get(r.adminCode) : byName.get(nameKey);
    if (!first) {
      if (r.adminCode) byCode.set(r.adminCode, r);
      if (!byName.has(nameKey)) byName.set(nameKey, r);
      out.push(r);
      continue;
    }
    if (!sameOrg(first, r, fold)) {
      errors.push(
        r.adminCode
          ? {
              row: r.row,
              field: 'admin_code',
              code: 'duplicate_row',
              text: {
                vi: `Mã hành chính ${quote(r.adminCode)} bị trùng với dòng ${first.row} (đơn vị ${quote(first.name)})`,
                en: `Admin code ${quote(r.adminCode)} repeats row ${first.row} (org ${quote(first.name)})`,
              },
            }
          : {
              row: r.row,
              field: 'name',
              code: 'duplicate_row',
              text: {
                vi: `Đơn vị ${quote(r.name)} bị trùng với dòng ${first.row} (cùng tên, cùng đơn vị cha nhưng khác loại hoặc tên viết tắt)`,
                en: `Org ${quote(r.name)} repeats row ${first.row} (same name and parent, but another kind or short name)`,
              },
            },
      );
      continue;
    }
    out.push({ ...first, row: r.row, contact: r.contact });
  }
  return out;
}

/** A later row describes the same org when it agrees with the first on everything it fills in. */
function sameOrg(first: Resolved, later: Resolved, fold: (s: string) => string): boolean {
  const path = (p: string[] | null) => (p ?? []).map(fold).join('/');
  return (
    fold(first.name) === fold(later.name) &&
    first.kind === later.kind &&
    (later.shortName === '' || later.shortName === first.shortName) &&
    (later.parentAdminCode === null || later.parentAdminCode === first.parentAdminCode) &&
    (later.parentPath === null || path(later.parentPath) === path(first.parentPath))
  );
}
