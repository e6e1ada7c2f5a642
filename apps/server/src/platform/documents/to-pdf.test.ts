import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { docxToPdf, PDF_EXPORT_UNAVAILABLE_MESSAGE } from './to-pdf.js';

// a killed orphan may stay a zombie until init reaps it: dead all the same
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const leftovers = (): string[] => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('khien-pdf-'));

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

// A stand-in for soffice: writes a PDF into --outdir after a pause, and notes whether another copy was running.
const FAKE = `#!/bin/sh
log="$FAKE_SOFFICE_LOG"
[ -e "$log.running" ] && echo overlap >> "$log"
touch "$log.running"
# like oosplash starting soffice.bin: a child that outlives its parent unless the whole group is killed
sleep "\${FAKE_SOFFICE_SLEEP:-0.2}" &
echo $! > "$log.child"
wait
out=""; prev=""; last=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; last="$a"; done
[ -z "$FAKE_SOFFICE_NO_OUTPUT" ] && printf '%%PDF-1.7 fake\\n' > "$out/$(basename "$last" .docx).pdf"
rm -f "$log.running"
echo run >> "$log"
`;

describe('docxToPdf with a stand-in soffice', () => {
  let dir: string;
  let log: string;
  let tmpBefore: string | undefined;
  const env = { ...process.env };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-to-pdf-test-'));
    const fake = path.join(dir, 'soffice');
    fs.writeFileSync(fake, FAKE, { mode: 0o755 });
    log = path.join(dir, 'log');
    process.env.KHIEN_SOFFICE = fake;
    process.env.FAKE_SOFFICE_LOG = log;
    // a temporary folder of its own: other test files convert PDFs at the same time
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    tmpBefore = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
  });
  afterEach(() => {
    for (const k of ['FAKE_SOFFICE_SLEEP', 'FAKE_SOFFICE_NO_OUTPUT']) delete process.env[k];
    for (const f of [log, `${log}.child`, `${log}.running`]) fs.rmSync(f, { force: true });
  });
  afterAll(() => {
    if (tmpBefore === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpBefore;
    process.env = env;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs one conversion at a time and removes its temporary directory', async () => {
    const before = leftovers();
    const pdfs = await Promise.all([1, 2, 3].map(() => docxToPdf(Buffer.from('docx'))));
    for (const pdf of pdfs) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(log, 'utf8').trim().split('\n')).toEqual(['run', 'run', 'run']);
    expect(leftovers()).toEqual(before);
  });

  it('kills a stuck LibreOffice after the timeout, cleans up, and the next conversion still runs', async () => {
    const before = leftovers();
    process.env.FAKE_SOFFICE_SLEEP = '10';
    const stuck = docxToPdf(Buffer.from('docx'), { timeoutMs: 300 });
    const next = docxToPdf(Buffer.from('docx'), { timeoutMs: 5_000 });
    const err = await failure(stuck);
    expect(err.code).toBe('IMPORT_FAILED');
    expect(err.message).toMatch(/quá thời gian/);
    const child = Number(fs.readFileSync(`${log}.child`, 'utf8'));
    expect(running(child), 'the tool’s child is killed with it').toBe(false);
    process.env.FAKE_SOFFICE_SLEEP = '0';
    expect((await next).subarray(0, 5).toString()).toBe('%PDF-');
    expect(leftovers()).toEqual(before);
  });

  it('says so when LibreOffice exits without writing a PDF', async () => {
    process.env.FAKE_SOFFICE_NO_OUTPUT = '1';
    const err = await failure(docxToPdf(Buffer.from('not a docx')));
    expect(err.code).toBe('IMPORT_FAILED');
    expect(err.message).toMatch(/LibreOffice/);
  });

  it('turns a missing soffice into a message a person can act on', async () => {
    process.env.KHIEN_SOFFICE = path.join(dir, 'no-such-soffice');
    try {
      const err = await failure(docxToPdf(Buffer.from('docx')));
      expect(err.message).toBe(PDF_EXPORT_UNAVAILABLE_MESSAGE);
      expect(err.message).toMatch(/^Máy chủ chưa cài LibreOffice để xuất PDF/);
      expect(err.details).toEqual({ reason: 'pdf_export_unavailable' });
    } finally {
      process.env.KHIEN_SOFFICE = path.join(dir, 'soffice');
    }
  });
});

describe('docxToPdf with LibreOffice', () => {
  it('converts a Vietnamese .docx to a PDF whose text reads back', { timeout: 60_000 }, async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph({ children: [new TextRun({ text: 'Báo cáo sự cố mạng: Trường THCS Sông Đà', font: 'Times New Roman' })] })] }],
    });
    const pdf = await docxToPdf(await Packer.toBuffer(doc));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = spawnSync('pdftotext', ['-', '-'], { input: pdf, encoding: 'utf8' }).stdout.normalize('NFC');
    expect(text).toContain('Báo cáo sự cố mạng: Trường THCS Sông Đà');
  });
});
