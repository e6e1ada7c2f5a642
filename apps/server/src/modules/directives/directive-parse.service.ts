import type { z } from 'zod';
import type { ParsedDispatchDraftSchema } from '@khien/contracts';
import type { ParsedDispatch } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { requireSomewhere, type Actor } from '../../platform/policy.js';
import type { FileStore } from '../../platform/files/files.js';
import { extractDispatchText, parseDispatchText } from './dispatch-text.js';
import { withProposals } from './directive-import-match.js';

type Draft = z.infer<typeof ParsedDispatchDraftSchema>;

export function draftFrom(p: ParsedDispatch): Draft['draft'] {
  const cut = (s: string | null, n: number) => (s === null ? null : s.slice(0, n));
  return {
    issuerOrgId: null,
    number: cut(p.number, 100),
    place: cut(p.place, 100),
    issuedOn: p.date,
    subject: (p.subject ?? '').slice(0, 1000) || '(chưa có trích yếu)',
    preamble: p.preamble.slice(0, 100_000),
    closing: p.closing.slice(0, 100_000),
    recipientsText: p.recipients.slice(0, 200).map((r) => r.slice(0, 500)),
    copiesTo: p.copiesTo.slice(0, 200).map((r) => r.slice(0, 500)),
    signer: { authority: cut(p.signer.authority, 300), title: cut(p.signer.title, 200), name: cut(p.signer.name, 200) },
    contacts: p.contacts.slice(0, 50).map((c) => ({ name: c.name.slice(0, 200), phone: c.phone.slice(0, 40), title: cut(c.title ?? null, 200) })),
    governingBody: cut(p.governingBody, 300),
    documentType: cut(p.documentType, 100),
    dateText: p.date ? null : cut(p.dateText, 100),
    references: p.references.slice(0, 50).map((r) => ({
      kind: r.kind.slice(0, 50),
      documentType: cut(r.documentType, 100),
      number: cut(r.number, 100),
      date: r.date,
      issuer: cut(r.issuer, 300),
      text: r.text.slice(0, 2000),
      directiveId: null,
    })),
    relayWithinDays: null,
    alertStart: null,
    alertEnd: null,
    dueAt: null,
    rule: null,
    sections: p.sections.slice(0, 50).map((s) => ({
      heading: s.heading.slice(0, 1000),
      addressees: cut(s.addressees, 500),
      rule: null,
      tasks: s.tasks.slice(0, 100).map((t) => ({ text: t.slice(0, 4000), dueAt: null, parentTaskId: null })),
    })),
  };
}

/** Text or a file in, a draft to correct out; the original file is kept to attach on save. */
export async function parseToDraft(
  db: Db,
  store: FileStore,
  actor: Actor,
  input: { text: string } | { file: { data: Buffer; filename: string; mime: string } },
): Promise<Draft> {
  requireSomewhere(actor, 'directive:write');
  const text = 'text' in input ? input.text : await extractDispatchText(input.file.data, input.file.filename);
  const parsed = parseDispatchText(text);
  const stored = 'file' in input ? await store.put(db, { ...input.file, createdBy: actor.userId }) : null;
  return withProposals(db, actor, { draft: draftFrom(parsed), issuerText: parsed.issuer, warnings: parsed.warnings, sourceFileId: stored?.id ?? null });
}
