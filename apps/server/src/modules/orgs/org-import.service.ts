import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ImportAdded, ImportResult, OrgKind } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import { recordAuditBatch, type AuditContext, type AuditEvent } from '../../platform/audit/audit.js';
import { authorize, inScope, requireSomewhere, scopeFor, scopeSql, type Actor } from '../../platform/policy.js';
import { insertContact, updateOrgRow, type OrgRow } from './orgs.repo.js';
import { orgs } from './orgs.tables.js';
import { auditView, getVisibleOrg, insertOrgTx } from './orgs.service.js';
import type { Lang } from '../../platform/words.js';
import { OrgImportRefusedError, parseOrgFile, sayIssues, type OrgImportRow, type RowIssue } from './import/index.js';

type Node = Pick<OrgRow, 'id' | 'parentId' | 'path' | 'depth' | 'name' | 'shortName' | 'kind' | 'adminCode'>;

class DryRunRollback extends Error {}

export interface ImportOptions {
  dryRun: boolean;
  onError: 'skip' | 'abort';
  /** Rows without a parent go under this org; without it only a system admin may create top-level orgs. */
  parentId?: string | undefined;
  /** the language of the row errors and of a refusal (default Vietnamese) */
  lang?: Lang | undefined;
  /**
   * Asked before anything is committed, with what the file would add: true stops the import and
   * rolls it back (the CLI asks for --yes before it adds provinces under a province).
   */
  stopIf?: ((added: ImportAdded[]) => boolean) | undefined;
}

/** What importOrgs did; `stopped`: `stopIf` said no, nothing was written. */
export type OrgImportOutcome = ImportResult & { stopped: boolean };

/** How many new orgs of one kind under one kind are named in `examples`. */
const EXAMPLES = 5;

/**
 * Applies a parsed file in one transaction: every row is resolved (parent by
 * code or by name path), matched to an existing org (by code, else by name
 * under the same parent) and updated, or created. With onError=abort one bad
 * row leaves the database untouched; a dry run always rolls back.
 */
export async function importOrgs(
  db: Db,
  actor: Actor,
  file: { data: Buffer; filename: string },
  opts: ImportOptions,
  audit: AuditContext,
): Promise<OrgImportOutcome> {
  const lang = opts.lang ?? 'vi';
  const defaultParent = opts.parentId ? await getVisibleOrg(db, actor, opts.parentId) : undefined;
  requireSomewhere(actor, 'org:write');
  if (defaultParent) authorize(actor, 'org:write', defaultParent.path);
  let parsed;
  try {
    parsed = await parseOrgFile(file.data, file.filename);
  } catch (err) {
    // a refused file (too big, empty, not a spreadsheet…) answers 413/415/422 with its own message
    if (err instanceof OrgImportRefusedError) throw new AppError(err.errorCode, err.text[lang], { reason: err.reason });
    throw err;
  }
  const errors: RowIssue[] = [...parsed.errors];
  const result = { created: 0, updated: 0, added: [] as ImportAdded[], stopped: false };
  if (opts.onError === 'abort' && errors.length > 0)
    return { dryRun: opts.dryRun, rows: parsed.rows.length + countBadRows(errors), ...result, errors: sayIssues(errors, lang) };
  try {
    await db.transaction(async (tx) => {
      const applied = await applyRows(tx, actor, parsed.rows, defaultParent, errors);
      result.created = applied.created;
      result.updated = applied.updated;
      result.added = applied.added;
      if (opts.onError === 'abort' && errors.length > 0) throw new DryRunRollback();
      if (opts.stopIf?.(applied.added)) {
        result.stopped = true;
        throw new DryRunRollback();
      }
      await recordAuditBatch(tx, audit, [
        ...applied.events,
        {
          action: 'org.imported',
          entityType: 'import',
          entityId: null,
          orgId: defaultParent?.id ?? null,
          orgPath: defaultParent?.path ?? null,
          note: { file: file.filename, format: parsed.format, created: applied.created, updated: applied.updated, skippedRows: countBadRows(errors) },
        },
      ]);
      if (opts.dryRun) throw new DryRunRollback();
    });
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  const nothingWritten = opts.onError === 'abort' && errors.length > 0;
  return {
    dryRun: opts.dryRun,
    rows: parsed.rows.length + countBadRows(parsed.errors),
    created: nothingWritten ? 0 : result.created,
    updated: nothingWritten ? 0 : result.updated,
    added: nothingWritten ? [] : result.added,
    stopped: result.stopped,
    errors: sayIssues(
      errors.sort((a, b) => a.row - b.row),
      lang,
    ),
  };
}

function countBadRows(errors: RowIssue[]): number {
  return new Set(errors.filter((e) => e.row > 1).map((e) => e.row)).size;
}

/** New orgs grouped by (kind, parent's kind), in file order. */
class Additions {
  private groups = new Map<string, ImportAdded>();
  add(kind: OrgKind, underKind: OrgKind | null, name: string): void {
    const key = `${kind}|${underKind ?? ''}`;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { kind, underKind, count: 0, examples: [] }));
    g.count++;
    if (g.examples.length < EXAMPLES) g.examples.push(name);
  }
  list(): ImportAdded[] {
    return [...this.groups.values()];
  }
}

const issue = (row: number, field: string | null, code: string, vi: string, en: string): RowIssue => ({ row, field, code, text: { vi, en } });

async function applyRows(tx: Db, actor: Actor, rows: OrgImportRow[], defaultParent: Node | undefined, errors: RowIssue[]) {
  const writeScope = scopeFor(actor, 'org:write');
  // the caller's writable part of the tree, indexed by code and by (parent, folded name)
  const known = await tx
    .select({
      id: orgs.id,
      parentId: orgs.parentId,
      path: orgs.path,
      depth: orgs.depth,
      name: orgs.name,
      shortName: orgs.shortName,
      kind: orgs.kind,
      adminCode: orgs.adminCode,
    })
    .from(orgs)
    .where(scopeSql(scopeFor(actor, 'org:read'), orgs.path));
  const byCode = new Map<string, Node>();
  const byName = new Map<string, Node>();
  // exact names, case-insensitive like the unique index: "Xã Văn Lãng" and "Xã Vân Lang" are two communes
  const nameKey = (name: string) => name.normalize('NFC').toLowerCase();
  const key = (parentId: string | null, name: string) => `${parentId ?? ''}|${nameKey(name)}`;
  const remember = (n: Node) => {
    if (n.adminCode) byCode.set(n.adminCode, n);
    byName.set(key(n.parentId, n.name), n);
  };
  known.forEach(remember);
  const roots = known.filter((n) => !known.some((p) => p.id === n.parentId));
  const events: AuditEvent[] = [];
  const added = new Additions();
  let created = 0;
  let updated = 0;

  const resolveParent = (r: OrgImportRow): Node | null | 'error' => {
    if (r.parentAdminCode) {
      const p = byCode.get(r.parentAdminCode);
      if (!p)
        errors.push(
          issue(
            r.row,
            'parent_admin_code',
            'parent_not_found',
            `Không tìm thấy đơn vị cha có mã "${r.parentAdminCode}"`,
            `No parent org with code "${r.parentAdminCode}"`,
          ),
        );
      return p ?? 'error';
    }
    if (r.parentPath && r.parentPath.length > 0) {
      let cur: Node | undefined;
      for (const [i, name] of r.parentPath.entries()) {
        cur = i === 0 ? (roots.find((n) => nameKey(n.name) === nameKey(name)) ?? byName.get(key(null, name))) : byName.get(key(cur!.id, name));
        if (!cur) {
          const path = r.parentPath.slice(0, i + 1).join(' / ');
          errors.push(issue(r.row, 'parent_path', 'parent_not_found', `Không tìm thấy đơn vị cha "${path}"`, `No parent org "${path}"`));
          return 'error';
        }
      }
      return cur!;
    }
    return defaultParent ?? null;
  };

  for (const r of rows) {
    const parent = resolveParent(r);
    if (parent === 'error') continue;
    if (parent === null && !writeScope.all) {
      errors.push(
        issue(
          r.row,
          'parent_admin_code',
          'parent_missing',
          'Thiếu đơn vị cha: chỉ quản trị hệ thống được tạo đơn vị gốc',
          'No parent org: only a system admin may create top-level orgs',
        ),
      );
      continue;
    }
    const existing = (r.adminCode ? byCode.get(r.adminCode) : undefined) ?? byName.get(key(parent?.id ?? null, r.name));
    if (existing) {
      if (!inScope(writeScope, existing.path)) {
        errors.push(issue(r.row, null, 'not_allowed', `Không có quyền sửa đơn vị "${existing.name}"`, `Not allowed to change the org "${existing.name}"`));
        continue;
      }
      if (parent && existing.parentId !== parent.id) {
        errors.push(
          issue(
            r.row,
            'parent_admin_code',
            'other_parent',
            `Đơn vị "${existing.name}" đã thuộc đơn vị cha khác; hãy dùng chức năng chuyển đơn vị`,
            `The org "${existing.name}" already has another parent; move it instead`,
          ),
        );
        continue;
      }
      const changed =
        existing.name !== r.name ||
        existing.shortName !== r.shortName ||
        existing.kind !== r.kind ||
        (r.adminCode !== null && existing.adminCode !== r.adminCode);
      if (changed) {
        const clash = byName.get(key(existing.parentId, r.name));
        if (clash && clash.id !== existing.id) {
          errors.push(
            issue(r.row, 'name', 'duplicate_name', `Đã có đơn vị cùng tên "${r.name}" trong đơn vị cha`, `The parent already has an org named "${r.name}"`),
          );
          continue;
        }
        const after = await updateOrgRow(tx, existing.id, {
          name: r.name,
          shortName: r.shortName,
          kind: r.kind,
          adminCode: r.adminCode ?? existing.adminCode,
          searchText: foldVietnamese(`${r.name} ${r.shortName} ${r.adminCode ?? existing.adminCode ?? ''}`),
        });
        events.push({
          action: 'org.updated',
          entityType: 'org',
          entityId: existing.id,
          orgId: existing.id,
          orgPath: existing.path,
          before: auditView(existing as OrgRow),
          after: auditView(after),
        });
        byName.delete(key(existing.parentId, existing.name));
        Object.assign(existing, { name: after.name, shortName: after.shortName, kind: after.kind, adminCode: after.adminCode });
        remember(existing);
        updated++;
      }
      if (r.contact) await addContactOnce(tx, existing.id, r.contact);
      continue;
    }
    if (parent && !inScope(writeScope, parent.path)) {
      errors.push(issue(r.row, null, 'not_allowed', `Không có quyền thêm đơn vị vào "${parent.name}"`, `Not allowed to add orgs under "${parent.name}"`));
      continue;
    }
    if (parent && r.adminCode && byCode.has(r.adminCode)) {
      errors.push(issue(r.row, 'admin_code', 'code_taken', `Mã hành chính "${r.adminCode}" đã được dùng`, `Admin code "${r.adminCode}" is already in use`));
      continue;
    }
    const row = await insertOrgTx(tx, { id: randomUUID(), parent: parent ?? undefined, body: r, isDemo: false });
    if (r.contact) await insertContact(tx, { orgId: row.id, ...r.contact });
    events.push({ action: 'org.created', entityType: 'org', entityId: row.id, orgId: row.id, orgPath: row.path, after: auditView(row) });
    remember(row);
    added.add(r.kind, (parent?.kind ?? null) as OrgKind | null, r.name);
    created++;
  }
  return { created, updated, events, added: added.list() };
}

async function addContactOnce(tx: Db, orgId: string, c: NonNullable<OrgImportRow['contact']>): Promise<void> {
  const dup = await queryRows(
    tx,
    sql`select 1 from org_contacts where org_id = ${orgId} and lower(name) = lower(${c.name}) and coalesce(phone, '') = ${c.phone ?? ''} limit 1`,
  );
  if (dup.length === 0) await insertContact(tx, { orgId, ...c });
}
