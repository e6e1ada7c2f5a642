import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, OrgImportRefusedError, parseOrgFile, type OrgImportRefusalReason } from './index.js';
import { makeZip, minimalXlsx, sheetXml } from './test-support.js';

async function refusal(data: Buffer, filename: string): Promise<OrgImportRefusedError> {
  const err = await parseOrgFile(data, filename).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof OrgImportRefusedError)) throw new Error(`expected a refusal, got ${String(err)}`);
  // every refusal explains itself in Vietnamese and in English, each on its own
  expect(err.text.vi).toMatch(/[À-ỹ]/);
  expect(err.text.en).toMatch(/^[A-Z]/);
  expect(err.text.en).not.toMatch(/[À-ỹ]{2}/);
  expect(err.message).toBe(err.text.vi);
  return err;
}

async function expectRefused(data: Buffer, filename: string, reason: OrgImportRefusalReason, pattern?: RegExp): Promise<void> {
  const err = await refusal(data, filename);
  expect(err.reason).toBe(reason);
  if (pattern) expect(err.message).toMatch(pattern);
}

describe('files refused whole', () => {
  it('a file larger than 20 MiB, before reading it', async () => {
    expect(MAX_IMPORT_BYTES).toBe(20 * 1024 * 1024);
    await expectRefused(Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x61), 'lon.csv', 'too_large', /Tệp quá lớn \(20\.0 MiB\); tối đa 20\.0 MiB/);
    const err = await refusal(Buffer.alloc(MAX_IMPORT_BYTES + 1), 'lon.csv');
    expect(err.errorCode).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['zero bytes', Buffer.alloc(0)],
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf])],
    ['only blank lines', Buffer.from('\r\n \r\n\t\r\n')],
    ['only empty cells', Buffer.from(';;;\n ; ;\n')],
    ['a UTF-16 BOM and nothing else', Buffer.from([0xff, 0xfe])],
  ])('an empty file: %s', async (_, data) => {
    await expectRefused(data, 'rong.csv', 'empty', /Tệp rỗng/);
  });

  it.each([
    ['random bytes', randomBytes(4096), 'x.csv', 'unsupported_format'],
    ['a PNG image', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(512)]), 'anh.png', 'unsupported_format'],
    ['a PDF', Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(2048)]), 'vb.pdf', 'unsupported_format'],
    ['binary called .xlsx', Buffer.concat([Buffer.from([0x00, 0x01, 0x02]), randomBytes(1024)]), 'x.xlsx', 'invalid_xlsx'],
  ] as const)('a binary file that is none of the formats: %s', async (_, data, name, reason) => {
    await expectRefused(data, name, reason);
  });

  it('a legacy .xls or password-protected workbook (OLE compound file)', async () => {
    const cfb = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(1024)]);
    await expectRefused(cfb, 'cu.xls', 'unsupported_format', /\.xls.*\.xlsx/);
  });

  it('an HTML table saved as .xls', async () => {
    await expectRefused(Buffer.from('<html><body><table><tr><td>ten</td></tr></table></body></html>'), 'bao-cao.xls', 'unsupported_format', /HTML/);
  });

  it('text that is not JSON in a .json file', async () => {
    await expectRefused(Buffer.from('ten,loai\nXã A,Xã\n'), 'don-vi.json', 'invalid_json');
  });

  it('garbage JSON', async () => {
    await expectRefused(Buffer.from('{"Code": "01", "Wards": [ }'), 'x.json', 'invalid_json', /JSON không hợp lệ/);
    await expectRefused(Buffer.from('[1, 2, 3]'), 'x.csv', 'invalid_json', /không đúng cấu trúc/);
    await expectRefused(Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), 'x.json', 'invalid_json');
  });

  it('a CSV with more than MAX_IMPORT_ROWS data rows (blank lines do not count)', async () => {
    const ok = `ten,loai\n${'Xã A,Xã\n\n'.repeat(MAX_IMPORT_ROWS)}`;
    const parsed = await parseOrgFile(Buffer.from(ok), 'ok.csv');
    expect(parsed.rows.length + parsed.errors.length).toBe(MAX_IMPORT_ROWS);
    await expectRefused(Buffer.from(`${ok}Xã B,Xã\n`), 'nhieu.csv', 'too_many_rows', /50\.000/);
  }, 60_000);

  it('an XLSX with more than MAX_IMPORT_ROWS rows, whether exceljs or our count stops it', async () => {
    const rows = (n: number) => [['ten', 'loai'], ...Array.from({ length: n }, (_, i) => [`Xã ${i}`, 'Xã'])];
    await expectRefused(minimalXlsx(sheetXml(rows(MAX_IMPORT_ROWS + 1))), 'nhieu.xlsx', 'too_many_rows');
    await expectRefused(minimalXlsx(sheetXml(rows(MAX_IMPORT_ROWS + 20_000))), 'nhieu.xlsx', 'too_many_rows');
  }, 60_000);

  it('an XLSX zip bomb that declares its real size', async () => {
    const huge = Buffer.alloc(200 * 1024 * 1024, 0x20);
    const bomb = minimalXlsx(huge);
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES);
    // refused from the zip directory, before anything is inflated, with the limit and its value
    const err = await refusal(bomb, 'bom.xlsx');
    expect(err).toMatchObject({ reason: 'archive_too_large', errorCode: 'ARCHIVE_TOO_LARGE' });
    expect(err.message).toMatch(/vượt giới hạn: dung lượng giải nén của một tệp con tối đa 128 MiB/);
  }, 30_000);

  it('an XLSX zip bomb that lies about its size', async () => {
    const huge = Buffer.alloc(200 * 1024 * 1024, 0x20);
    // inflating stops at the declared size: the lie is found after 1,000 bytes, not 200 MiB
    await expectRefused(minimalXlsx(huge, 1_000), 'bom.xlsx', 'archive_refused', /dài hơn kích thước khai báo/);
    await expectRefused(minimalXlsx(Buffer.alloc(10_000, 0x20), 1_000), 'bom.xlsx', 'archive_refused', /kích thước khai báo/);
  }, 30_000);

  it('a broken or foreign zip', async () => {
    const good = minimalXlsx(sheetXml([['ten'], ['Xã A']]));
    await expectRefused(good.subarray(0, good.length - 30), 'cut.xlsx', 'archive_refused');
    await expectRefused(makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]), 'other.zip', 'invalid_xlsx', /không phải bảng tính XLSX/);
    await expectRefused(makeZip([]), 'empty.xlsx', 'invalid_xlsx');
    const corrupt = Buffer.from(good);
    corrupt.fill(0xff, 200, 260);
    await expectRefused(corrupt, 'corrupt.xlsx', 'archive_refused');
  });

  it('an XLSX whose rows are absurdly wide', async () => {
    const wide = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${Array.from({ length: 2_000 }, (_, i) => `<c t="inlineStr"><is><t>c${i}</t></is></c>`).join('')}</row></sheetData></worksheet>`;
    await expectRefused(minimalXlsx(wide), 'rong.xlsx', 'invalid_xlsx', /quá nhiều cột/);
  });
});
