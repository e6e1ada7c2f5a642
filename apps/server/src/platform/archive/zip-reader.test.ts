import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS, ArchiveRefusedError, checkArchive, iterateArchive, readArchiveEntries, type ArchiveLimits, type ArchiveProblem } from './index.js';
import { deflated, deflatedRepeat, writeZip, type TestEntry } from './test-support.js';

const MiB = 1024 * 1024;
const text = (s: string) => Buffer.from(s, 'utf8');
const SMALL: ArchiveLimits = {
  ...ARCHIVE_LIMITS.docx,
  maxEntries: 10,
  maxEntryBytes: 64 * 1024,
  maxTotalBytes: 100 * 1024,
  ratioFloorBytes: 4096,
  maxRatio: 50,
};

async function refusal(data: Buffer, limits: ArchiveLimits = ARCHIVE_LIMITS.docx, now?: () => number): Promise<ArchiveRefusedError> {
  const err = await checkArchive(data, { limits, ...(now ? { now } : {}) }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ArchiveRefusedError)) throw new Error(`expected a refusal, got ${String(err)}`);
  // "Vietnamese / English", the Vietnamese part with its diacritics
  expect(err.message).toMatch(/^Tệp nén (vượt giới hạn|không hợp lệ hoặc không an toàn): [^]* \/ (Archive exceeds a limit|Invalid or unsafe archive): /);
  return err;
}

async function expectProblem(data: Buffer, problem: ArchiveProblem, pattern?: RegExp) {
  const err = await refusal(data);
  expect(err.problem).toBe(problem);
  expect(err.code).toBe('ARCHIVE_REFUSED');
  expect(err.status).toBe(422);
  if (pattern) expect(err.message).toMatch(pattern);
}

describe('reading', () => {
  it('stored, deflated, folders, data descriptors with and without signature, ZIP64 fields and end records', async () => {
    const big = Buffer.from(Array.from({ length: 3 * MiB }, (_, i) => (i * 7919) % 251));
    const entries: TestEntry[] = [
      { name: 'a.txt', data: text('xin chào'), method: 0 },
      { name: 'thư mục/', data: Buffer.alloc(0), method: 0 },
      { name: 'thư mục/b.xml', data: text('<b>'.repeat(1000)) },
      { name: 'c.json', data: text('{"c":1}'), descriptor: 'signed' },
      { name: 'd.json', data: text('{"d":2}'), descriptor: 'unsigned' },
      { name: 'e.bin', data: big, zip64: true },
      { name: 'f.bin', data: text('f'.repeat(5000)), zip64: true, descriptor: 'signed' },
      { name: 'g.bin', data: text('g'), zip64: true, descriptor: 'unsigned' },
    ];
    for (const zip64 of [false, true]) {
      const zip = writeZip(entries, { zip64, comment: 'một chú thích' });
      const limits = { ...ARCHIVE_LIMITS.docx, maxRatio: 10_000 };
      const summary = await checkArchive(zip, { limits });
      expect(summary.names).toEqual(entries.map((e) => e.name));
      expect(summary.inflatedBytes).toBe(entries.reduce((n, e) => n + (e.data?.length ?? 0), 0));
      const got = await readArchiveEntries(zip, { limits, names: ['thư mục/b.xml', 'e.bin', 'không có.txt'] });
      expect([...got.keys()]).toEqual(['thư mục/b.xml', 'e.bin']);
      expect(got.get('e.bin')!.equals(big)).toBe(true);
    }
  });

  it('what real tools write: exceljs, the docx library, JSZip streaming with descriptors', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Đơn vị').addRow(['Tên', 'Loại']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await checkArchive(xlsx, { limits: ARCHIVE_LIMITS.xlsx })).names).toContain('xl/worksheets/sheet1.xml');
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Công văn số 12/UBND')] }] }));
    const parts = await readArchiveEntries(docx, { limits: ARCHIVE_LIMITS.docx, names: ['word/document.xml'] });
    expect(parts.get('word/document.xml')!.toString('utf8')).toContain('Công văn số 12/UBND');
    const zip = new JSZip();
    for (let i = 0; i < 20; i++) zip.file(`cves/2026/CVE-2026-${1000 + i}.json`, JSON.stringify({ id: i, text: 'x'.repeat(i * 100) }));
    const streamed = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true });
    // JSZip adds the folders as entries of their own
    expect((await checkArchive(streamed, { limits: ARCHIVE_LIMITS.bundle })).names).toHaveLength(22);
  });

  it('iterates a bundle on disk entry by entry, in bounded chunks, skipping entries it does not read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-archive-'));
    try {
      const file = path.join(dir, 'bundle.zip');
      const entries = Array.from({ length: 500 }, (_, i) => ({ name: `cves/CVE-2026-${i}.json`, data: text(JSON.stringify({ i })) }));
      entries.push({ name: 'big.json', data: Buffer.from(JSON.stringify(Array.from({ length: 300_000 }, (_, i) => i))) });
      fs.writeFileSync(file, writeZip(entries));
      const seen: string[] = [];
      let biggestChunk = 0;
      for await (const entry of iterateArchive({ path: file }, { limits: ARCHIVE_LIMITS.bundle })) {
        seen.push(entry.name);
        if (entry.name === 'big.json') for await (const chunk of entry.chunks()) biggestChunk = Math.max(biggestChunk, chunk.length);
        else if (entry.name.endsWith('7.json')) expect(JSON.parse((await entry.bytes()).toString('utf8'))).toHaveProperty('i');
      }
      expect(seen).toHaveLength(501);
      expect(biggestChunk).toBeGreaterThan(0);
      expect(biggestChunk).toBeLessThanOrEqual(256 * 1024);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a CVE-like bundle of 70,000 small JSON files: more than a classic zip can count, within the bundle profile', async () => {
    const entries = Array.from({ length: 70_000 }, (_, i) => ({
      name: `cves/2026/${Math.floor(i / 1000)}xxx/CVE-2026-${i}.json`,
      data: text(JSON.stringify({ cveMetadata: { cveId: `CVE-2026-${i}`, state: 'PUBLISHED' } })),
    }));
    const zip = writeZip(entries, { zip64: true });
    let n = 0;
    for await (const entry of iterateArchive(zip, { limits: ARCHIVE_LIMITS.bundle })) {
      const record = JSON.parse((await entry.bytes()).toString('utf8')) as { cveMetadata: { cveId: string } };
      expect(record.cveMetadata.cveId).toBe(`CVE-2026-${n++}`);
    }
    expect(n).toBe(70_000);
    // the office profiles refuse it by count
    expect(await refusal(zip, ARCHIVE_LIMITS.xlsx)).toMatchObject({ limit: 'maxEntries', status: 413 });
  }, 60_000);

  it('an empty archive is an archive with no entries', async () => {
    expect(await checkArchive(writeZip([]), { limits: SMALL })).toEqual({ names: [], inflatedBytes: 0 });
  });
});

describe('limits, named with their value', () => {
  it('too many entries: 413 before anything is inflated', async () => {
    const zip = writeZip(Array.from({ length: 11 }, (_, i) => ({ name: `${i}.txt`, data: text('x') })));
    const err = await refusal(zip, SMALL);
    expect(err).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', status: 413, limit: 'maxEntries', details: { limit: 'maxEntries', value: 10 } });
    expect(err.message).toContain('số tệp con tối đa 10 (tệp này: 11)');
    expect(err.message).toContain('number of entries at most 10');
  });

  it('an entry that declares its real, too big size: refused from the directory, at once', async () => {
    const bomb = await deflatedRepeat(0x20, 200 * MiB);
    expect(bomb.body.length).toBeLessThan(1 * MiB);
    const started = Date.now();
    const err = await refusal(writeZip([{ name: 'word/document.xml', raw: bomb }]));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(err).toMatchObject({ status: 413, limit: 'maxEntryBytes', entry: 'word/document.xml' });
    expect(err.message).toContain('dung lượng giải nén của một tệp con tối đa 16 MiB (tệp con "word/document.xml": 200 MiB)');
  });

  it('an entry that lies about its size stops at the size it declared', async () => {
    const bomb = await deflatedRepeat(0x20, 200 * MiB);
    const before = process.memoryUsage().arrayBuffers;
    const err = await refusal(writeZip([{ name: 'word/document.xml', raw: bomb, declaredSize: 1_000 }]));
    expect(err.problem).toBe('size_mismatch');
    expect(err.message).toMatch(/dài hơn kích thước khai báo/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * MiB);
    // the same bomb inflated through the streaming path (declared over 1 MiB)
    const streamed = await refusal(writeZip([{ name: 'sheet.xml', raw: bomb, declaredSize: 5 * MiB }]), { ...ARCHIVE_LIMITS.xlsx, maxRatio: 10_000 });
    expect(streamed.problem).toBe('size_mismatch');
  });

  it('the total of all entries', async () => {
    const zip = writeZip(Array.from({ length: 3 }, (_, i) => ({ name: `${i}.bin`, data: Buffer.alloc(40 * 1024, i) })));
    const err = await refusal(zip, { ...SMALL, maxRatio: 10_000 });
    expect(err).toMatchObject({ status: 413, limit: 'maxTotalBytes' });
    expect(err.message).toContain('tổng dung lượng giải nén tối đa 100 KiB');
  });

  it('the compression ratio of one entry: 422', async () => {
    const err = await refusal(writeZip([{ name: 'a.xml', data: Buffer.alloc(60 * 1024, 0x41) }]), SMALL);
    expect(err).toMatchObject({ code: 'ARCHIVE_REFUSED', status: 422, limit: 'maxRatio' });
    expect(err.message).toMatch(/tỷ lệ nén của một tệp con tối đa 50:1 \(tệp con "a\.xml": [\d.]+:1\)/);
    // small entries are never refused for their ratio
    expect(await checkArchive(writeZip([{ name: 'a.xml', data: Buffer.alloc(4000, 0x41) }]), { limits: SMALL })).toMatchObject({ inflatedBytes: 4000 });
  });

  it('the archive itself and its directory', async () => {
    const zip = writeZip([{ name: 'a.txt', data: text('a') }]);
    expect(await refusal(zip, { ...SMALL, maxArchiveBytes: 50 })).toMatchObject({ status: 413, limit: 'maxArchiveBytes' });
    expect(await refusal(zip, { ...SMALL, maxDirectoryBytes: 20 })).toMatchObject({ status: 413, limit: 'maxDirectoryBytes' });
  });

  it('time, on an injected clock: 422 naming the seconds', async () => {
    let t = 0;
    const zip = writeZip(Array.from({ length: 5 }, (_, i) => ({ name: `${i}.txt`, data: text('x') })));
    const err = await refusal(zip, { ...SMALL, maxMillis: 2_500 }, () => (t += 1_000));
    expect(err).toMatchObject({ status: 422, limit: 'maxMillis' });
    expect(err.message).toContain('thời gian giải nén tối đa 2,5 giây');
    expect(err.message).toContain('time to unzip at most 2.5 s');
  });
});

describe('archives refused for what they are', () => {
  const good = () =>
    writeZip([
      { name: 'a.txt', data: text('hello hello hello') },
      { name: 'b.txt', data: text('world'), method: 0 },
    ]);

  it('encrypted, or compressed with a method we do not inflate', async () => {
    await expectProblem(writeZip([{ name: 'a.txt', data: text('x'), flags: 1 }]), 'encrypted', /mật khẩu/);
    const bzip = writeZip([{ name: 'a.txt', data: text('x'), method: 0 }]);
    bzip.writeUInt16LE(12, 8);
    bzip.writeUInt16LE(12, bzip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    await expectProblem(bzip, 'unsupported', /kiểu nén 12/);
  });

  it.each(['../ra-ngoai.txt', '/etc/passwd', 'C:\\Windows\\x.dll', 'word/../../x', '..\\x', 'a\u0000b', ''])('an unsafe name: %j', async (name) => {
    await expectProblem(writeZip([{ name, data: text('x') }]), 'unsafe_name');
  });

  it('two entries with one name', async () => {
    await expectProblem(
      writeZip([
        { name: 'a.txt', data: text('1') },
        { name: 'a.txt', data: text('2') },
      ]),
      'duplicate_name',
    );
  });

  it('a local header that disagrees with the directory', async () => {
    const renamed = good();
    renamed.write('A', 30, 'latin1');
    await expectProblem(renamed, 'size_mismatch', /phần đầu tệp con khác/);
    const resized = good();
    resized.writeUInt32LE(3, 22);
    await expectProblem(resized, 'size_mismatch');
  });

  it('a stored entry whose bytes changed: CRC-32', async () => {
    const zip = good();
    zip[zip.indexOf('world')] = 0x57;
    await expectProblem(zip, 'checksum', /CRC-32/);
  });

  it('bytes hidden before, between or after entries; overlapping entries', async () => {
    await expectProblem(Buffer.concat([Buffer.from('MZ junk'), good()]), 'corrupt');
    const one = deflated(text('x'.repeat(100)));
    const padded = writeZip([{ name: 'a.txt', raw: { ...one, body: Buffer.concat([one.body, Buffer.from('hidden')]) } }]);
    await expectProblem(padded, 'corrupt', /dữ liệu thừa/);
    // two directory records pointing at the same local entry (the "better zip bomb")
    const zip = writeZip([{ name: 'a.txt', data: text('aaaa') }]);
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const record = zip.subarray(cd, cd + 46 + 5);
    const copy = Buffer.from(record);
    copy.write('b', 46, 'latin1');
    const eocd = Buffer.from(zip.subarray(cd + record.length));
    eocd.writeUInt16LE(2, 8);
    eocd.writeUInt16LE(2, 10);
    eocd.writeUInt32LE(record.length * 2, 12);
    await expectProblem(Buffer.concat([zip.subarray(0, cd), record, copy, eocd]), 'layout', /chồng lên nhau/);
  });

  it('truncated, cut or not a zip at all', async () => {
    const zip = good();
    await expectProblem(zip.subarray(0, zip.length - 5), 'corrupt');
    await expectProblem(zip.subarray(0, 40), 'corrupt');
    await expectProblem(Buffer.from('PK\x03\x04 not really a zip'), 'corrupt');
    const cut = Buffer.from(zip);
    cut.writeUInt32LE(cut.length, cut.length - 6);
    await expectProblem(cut, 'corrupt');
    const deflate = writeZip([{ name: 'a.txt', data: text('a'.repeat(5000)) }]);
    deflate.fill(0xff, 35, 40);
    await expectProblem(deflate, 'corrupt', /dữ liệu nén bị hỏng/);
  });

  it('an entry read twice, or after the next one', async () => {
    const it = iterateArchive(good(), { limits: SMALL });
    const first = (await it.next()).value!;
    await first.bytes();
    expect(() => first.chunks()).toThrow(/read twice/);
    await it.next();
    await it.return(undefined);
  });
});
