import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { ArchiveRefusedError } from '../archive/index.js';
import { minimalDocx, writeZip } from '../archive/test-support.js';
import { AppError } from '../errors.js';
import { readDocxText } from './docx.js';

const ns = 'http://schemas.openxmlformats.org';
/** The three parts mammoth needs, around a document.xml given as is. */
const docxWith = (documentXml: string): Buffer => minimalDocx({ data: Buffer.from(documentXml, 'utf8') });
const body = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${ns}/wordprocessingml/2006/main"><w:body>${inner}</w:body></w:document>`;
const para = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

async function failure(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('readDocxText', () => {
  it('reads what Word-like writers make, in a worker', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Ủy ban nhân dân phường Mường Lay'), new Paragraph('Số: 12/UBND')] }] }),
    );
    expect(await readDocxText(docx, { filename: 'cv.docx' })).toMatch(/Ủy ban nhân dân phường Mường Lay\s+Số: 12\/UBND/);
    expect(await readDocxText(docxWith(body(para('Kính gửi: các xã'))), { filename: 'cv.docx' })).toContain('Kính gửi: các xã');
  });

  it('a document mammoth cannot hold in the worker’s heap is a 413, not a dead server', async () => {
    const docx = docxWith(body(Array.from({ length: 20_000 }, (_, i) => para(`Nhiệm vụ ${i}: rà soát, khắc phục lỗ hổng an toàn thông tin`)).join('')));
    const err = await failure(readDocxText(docx, { filename: 'lon.docx', worker: { maxOldGenerationSizeMb: 16 } }));
    expect(err).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
    expect(err.message).toMatch(/^Không đọc được tệp Word "lon\.docx" \(hỏng hoặc không phải \.docx\): cần quá nhiều bộ nhớ \(giới hạn 16 MB\) \/ /);
  });

  it('a zip that is not a Word document is the usual "cannot read" 422', async () => {
    const err = await failure(readDocxText(writeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), { filename: 'x.docx' }));
    expect(err).toMatchObject({ code: 'IMPORT_FAILED', status: 422 });
    expect(err.message).toBe('Không đọc được tệp Word "x.docx" (hỏng hoặc không phải .docx) / cannot read this .docx');
  });

  it('a bomb never reaches the worker: the archive check refuses it first', async () => {
    const bomb = docxWith(body(para('a'.repeat(20 * 1024 * 1024))));
    const err = await failure(readDocxText(bomb, { filename: 'bom.docx' }));
    expect(err).toBeInstanceOf(ArchiveRefusedError);
    expect(err).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', status: 413, details: { limit: 'maxEntryBytes', entry: 'word/document.xml' } });
  });
});
