import { inflateRawSync } from 'node:zlib';
import { MAX_XLSX_ENTRIES, MAX_XLSX_UNZIPPED_BYTES, refuse } from './limits.js';

const EOCD = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** PK\x03\x04 (a file), PK\x05\x06 (an empty archive) or PK\x07\x08 (spanned). */
export function isZip(data: Buffer): boolean {
  return (
    data.length >= 4 &&
    data[0] === 0x50 &&
    data[1] === 0x4b &&
    ((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6) || (data[2] === 7 && data[3] === 8))
  );
}

/** OLE compound file: legacy .xls, or an .xlsx encrypted with a password. */
export function isCompoundFile(data: Buffer): boolean {
  return data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1;
}

const unsafe = (vi: string, en: string) => refuse('invalid_xlsx', `Tệp XLSX không hợp lệ hoặc không an toàn: ${vi}`, `Invalid or unsafe XLSX: ${en}`);

/**
 * Walks the zip's central directory and inflates every entry with a hard output
 * cap, before exceljs (JSZip) sees the file: JSZip trusts the archive and would
 * inflate a zip bomb into memory. Declared sizes are not trusted either — an entry
 * whose real size differs from the declared one is refused. Throws
 * OrgImportRefusedError('invalid_xlsx'); returns the total unzipped size.
 */
export function assertSafeZip(data: Buffer): number {
  const eocd = findEndOfCentralDirectory(data);
  if (eocd < 0) throw unsafe('không tìm thấy thư mục của tệp nén', 'zip central directory not found');
  const entries = data.readUInt16LE(eocd + 10);
  const dirSize = data.readUInt32LE(eocd + 12);
  const dirOffset = data.readUInt32LE(eocd + 16);
  if (entries === 0xffff || dirOffset === 0xffffffff) throw unsafe('định dạng ZIP64 không được hỗ trợ', 'ZIP64 is not supported');
  if (entries === 0) throw unsafe('tệp nén rỗng', 'empty archive');
  if (entries > MAX_XLSX_ENTRIES) throw unsafe(`quá nhiều tệp con (${entries})`, `too many entries (${entries})`);
  if (dirOffset + dirSize > data.length) throw unsafe('thư mục tệp nén bị cắt cụt', 'truncated central directory');

  let total = 0;
  let at = dirOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL_HEADER) throw unsafe('thư mục tệp nén bị hỏng', 'corrupt central directory');
    const flags = data.readUInt16LE(at + 8);
    const method = data.readUInt16LE(at + 10);
    const compressed = data.readUInt32LE(at + 20);
    const declared = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    const localOffset = data.readUInt32LE(at + 42);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw unsafe('tệp được đặt mật khẩu', 'the file is encrypted');
    if (compressed === 0xffffffff || declared === 0xffffffff || localOffset === 0xffffffff)
      throw unsafe('định dạng ZIP64 không được hỗ trợ', 'ZIP64 is not supported');
    if (total + declared > MAX_XLSX_UNZIPPED_BYTES) throw tooBig();
    const start = dataStart(data, localOffset);
    if (start + compressed > data.length) throw unsafe('dữ liệu nén bị cắt cụt', 'truncated entry');
    const body = data.subarray(start, start + compressed);
    let size: number;
    if (method === 0) size = compressed;
    else if (method === 8) size = inflatedSize(body, MAX_XLSX_UNZIPPED_BYTES - total);
    else throw unsafe(`kiểu nén ${method} không được hỗ trợ`, `compression method ${method} is not supported`);
    if (size !== declared) throw unsafe('kích thước khai báo không khớp', 'declared size does not match the content');
    total += size;
  }
  return total;
}

function tooBig() {
  const mib = MAX_XLSX_UNZIPPED_BYTES / 1024 / 1024;
  return unsafe(`dữ liệu giải nén vượt quá ${mib} MiB`, `unzips to more than ${mib} MiB`);
}

function inflatedSize(body: Buffer, budget: number): number {
  try {
    return inflateRawSync(body, { maxOutputLength: Math.max(1, budget) }).length;
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
    throw unsafe('dữ liệu nén bị hỏng', 'corrupt deflate data');
  }
}

function dataStart(data: Buffer, localOffset: number): number {
  if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL_HEADER) throw unsafe('phần đầu tệp con bị hỏng', 'corrupt local header');
  return localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
}

function findEndOfCentralDirectory(data: Buffer): number {
  // the record is 22 bytes plus a comment of at most 65,535 bytes, at the very end
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= lowest; i--) {
    if (data.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}
