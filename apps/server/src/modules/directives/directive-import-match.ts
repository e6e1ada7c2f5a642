import { sql } from 'drizzle-orm';
import type { DirectiveReference, DocumentImport, ParsedDispatchDraft } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';
import { queryRows, type Db } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/like.js';
import { scopeFor, scopeSql, type Actor } from '../../platform/policy.js';
import { getVisibleDirective } from './directive-access.js';

/**
 * An imported dispatch names its issuer and the documents it acts on in words; the tree and the
 * directives already in the system have ids. The issuer is proposed from the tree by name (an org
 * the importer may write for), never a default; a reference is linked when a directive with that
 * number (and date, when both have one) is one the importer sees. Both are proposals the person
 * confirms in the editor.
 */

const ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\btp\b\.?/g, 'thanh pho'],
  [/\btx\b\.?/g, 'thi xa'],
  [/\bcat\b/g, 'cong an tinh'],
];
const COUNCIL = 'uy ban nhan dan ';

/** The ways one body's name is written: folded, abbreviations spelled out, with and without "Ủy ban nhân dân". */
export function nameKeys(name: string): string[] {
  let key = foldVietnamese(name)
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [re, full] of ABBREVIATIONS) key = key.replace(re, full);
  const keys = new Set([key]);
  // a commune's People's Committee is the commune in the tree: "UBND phường Mường Lay" is "Phường Mường Lay"
  if (key.startsWith(COUNCIL)) keys.add(key.slice(COUNCIL.length));
  return [...keys].filter((k) => k.length > 0);
}

/** The org of the tree the issuing body names, among those the importer may issue for; null when none or several fit. */
export async function proposeIssuer(db: Db, actor: Actor, issuer: string | null, governingBody: string | null): Promise<{ id: string; name: string } | null> {
  if (!issuer?.trim()) return null;
  const wanted = new Set(nameKeys(issuer));
  const words = [...wanted].sort((a, b) => a.length - b.length)[0]!.split(' ');
  // the place at the end of the name ("muong lay") narrows the scan to a few rows
  const probe = words.slice(-2).join(' ');
  const rows = await queryRows<{ id: string; name: string; parent_name: string | null }>(
    db,
    sql`select o.id, o.name, p.name as parent_name from orgs o left join orgs p on p.id = o.parent_id
         where o.search_text like ${containsPattern(probe)} and ${scopeSql(scopeFor(actor, 'directive:write'), sql`o.path`)}
         order by o.depth limit 200`,
  );
  const fits = rows.filter((r) => nameKeys(r.name).some((k) => wanted.has(k)));
  if (fits.length === 1) return { id: fits[0]!.id, name: fits[0]!.name };
  // namesakes ("Văn phòng HĐND và UBND" in every commune): the governing body tells them apart
  if (fits.length > 1 && governingBody) {
    const above = new Set(nameKeys(governingBody));
    const under = fits.filter((r) => r.parent_name && nameKeys(r.parent_name).some((k) => above.has(k)));
    if (under.length === 1) return { id: under[0]!.id, name: under[0]!.name };
  }
  return null;
}

/** A parsed draft with the issuer proposed from the tree and its references linked, for this importer. */
export async function withProposals(db: Db, actor: Actor, result: ParsedDispatchDraft): Promise<ParsedDispatchDraft> {
  const issuer = result.draft.issuerOrgId ? null : await proposeIssuer(db, actor, result.issuerText, result.draft.governingBody);
  const references = await linkReferences(db, actor, result.draft.references);
  const issuerOrgId = result.draft.issuerOrgId ?? issuer?.id ?? null;
  const unmatched = !issuerOrgId && result.issuerText?.trim() ? [`Chưa tìm thấy "${result.issuerText.trim()}" trong cây đơn vị: hãy chọn đơn vị ban hành`] : [];
  return { ...result, warnings: [...unmatched, ...result.warnings], draft: { ...result.draft, issuerOrgId, references } };
}

/** A document import as its importer reads it: the stored draft with today's proposals. */
export async function documentImportFor(db: Db, actor: Actor, imp: DocumentImport): Promise<DocumentImport> {
  return imp.result ? { ...imp, result: await withProposals(db, actor, imp.result) } : imp;
}

const compactNumber = (n: string) => n.replace(/\s+/g, '').toLocaleLowerCase('vi');

/** Each reference with the directive it names, when the importer sees one with that number (and date); otherwise as text. */
export async function linkReferences(db: Db, actor: Actor, refs: readonly DirectiveReference[]): Promise<DirectiveReference[]> {
  const out: DirectiveReference[] = [];
  for (const r of refs) {
    if (!r.number || r.directiveId) {
      out.push(r);
      continue;
    }
    const rows = await queryRows<{ id: string; issued_on: string | Date | null }>(
      db,
      sql`select id, issued_on from directives where lower(replace(number, ' ', '')) = ${compactNumber(r.number)} and status <> 'draft' order by issued_at desc limit 5`,
    );
    let directiveId: string | null = null;
    for (const row of rows) {
      const on = row.issued_on instanceof Date ? row.issued_on.toISOString().slice(0, 10) : row.issued_on;
      if (r.date && on && on !== r.date) continue;
      try {
        await getVisibleDirective(db, actor, row.id);
        directiveId = row.id;
        break;
      } catch {
        // not the importer's to see: the reference stays as text
      }
    }
    out.push({ ...r, directiveId });
  }
  return out;
}
