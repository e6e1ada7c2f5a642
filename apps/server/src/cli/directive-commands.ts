import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { dispatchJson, extractDispatchText, notADispatch, parseDispatchText } from '../modules/directives/index.js';
import { documentKind, readDocument } from '../platform/documents/index.js';
import type { Cli } from './context.js';

export function registerDirectiveCommands(program: Command, cli: Cli): void {
  const { m, print } = cli;
  const d = m.directive;
  program
    .command('directive')
    .description(d.description)
    .command('parse <file>')
    .description(d.parse)
    .option('--json', d.json)
    .action(async (file: string, o: { json?: boolean }) => {
      const data = fs.readFileSync(file);
      const doc = documentKind(data)
        ? await readDocument(data, {
            ocr: true,
            onProgress: (done, total) => {
              if (process.stderr.isTTY) process.stderr.write(`\r${d.reading(done, total)}`);
            },
          })
        : null;
      if (doc && process.stderr.isTTY) process.stderr.write('\n');
      if (doc && doc.text.trim() === '') throw notADispatch();
      const parsed = parseDispatchText(doc ? doc.text : await extractDispatchText(data, path.basename(file)));
      const out = dispatchJson(parsed);
      if (o.json) {
        print(JSON.stringify(out, null, 2));
        return;
      }
      const l = d.labels;
      print(`${l.number}: ${out.number ?? '—'}    ${out.place ?? ''}${out.date ? `, ${out.date}` : ''}`);
      print(`${l.subject}: ${out.subject ?? '—'}`);
      print(`${l.recipients}: ${out.recipients.join('; ') || '—'}`);
      for (const [i, s] of out.sections.entries()) {
        print(`${i + 1}. ${s.heading}${s.addressees ? `  [${s.addressees}]` : ''}`);
        for (const t of s.tasks) print(`   - ${t}`);
      }
      for (const c of out.contacts) print(`${l.contact}: ${c.name} ${c.phone}`);
      print(`${l.signer}: ${[out.signer.authority, out.signer.title, out.signer.name].filter(Boolean).join(' / ') || '—'}`);
      print(`${l.copiesTo}: ${out.copiesTo.join('; ') || '—'}`);
      for (const p of doc?.pages ?? []) {
        const how = p.source === 'ocr' ? d.ocr(String(p.confidence ?? '—')) : p.source === 'text' ? d.textLayer : d.notRead;
        print(d.page(p.page, how, p.marks.stamp.length > 0));
      }
      for (const w of [...(doc?.warnings ?? []), ...parsed.warnings]) print(`! ${w}`);
    });
}
