import type { ArchiveLimits } from './limits.js';
import { overLimit, unreadable } from './refusal.js';
import type { ArchiveSource } from './source.js';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const U16 = 0xffff;
const U32 = 0xffffffff;
/** Longer names are refused: no office part or feed record needs a kilobyte of path. */
export const MAX_NAME_BYTES = 1024;

/** One entry as the central directory declares it; nothing here is trusted until read. */
export interface ZipEntryInfo {
  name: string;
  nameBytes: Buffer;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  /** Declared unzipped size; enforced while inflating. */
  size: number;
  localOffset: number;
  zip64: boolean;
  isDirectory: boolean;
}

export interface ZipDirectory {
  /** In the order of their data in the file, so the archive is read front to back. */
  entries: ZipEntryInfo[];
  /** Where the last entry's data must end: the central directory. */
  dataEnd: number;
  declaredTotal: number;
}

const corrupt = (vi: string, en: string, entry?: string) => unreadable('corrupt', vi, en, entry);

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('kích thước ZIP64 không hợp lý', 'implausible ZIP64 size');
  return Number(v);
}

/**
 * Finds and checks the central directory (ZIP64 too) and every entry's declared sizes against
 * the limits, before a byte is inflated: a bomb that tells the truth is refused here, in
 * microseconds. The end record must end the file exactly, the directory must sit right before
 * it, and entries must be single-disk, unencrypted, stored or deflated, with safe, distinct names.
 */
export async function readDirectory(source: ArchiveSource, limits: ArchiveLimits): Promise<ZipDirectory> {
  if (source.size > limits.maxArchiveBytes) throw overLimit(limits, 'maxArchiveBytes', { actual: source.size });
  if (source.size < 22) throw corrupt('không tìm thấy thư mục của tệp nén', 'zip central directory not found');
  // the end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end
  const tailStart = Math.max(0, source.size - 22 - U16);
  const tail = await source.read(tailStart, source.size - tailStart);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) === tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt('không tìm thấy thư mục của tệp nén', 'zip central directory not found');
  const eocdOffset = tailStart + at;
  let disk = tail.readUInt16LE(at + 4);
  let dirDisk = tail.readUInt16LE(at + 6);
  let onDisk = tail.readUInt16LE(at + 8);
  let entries = tail.readUInt16LE(at + 10);
  let dirSize = tail.readUInt32LE(at + 12);
  let dirOffset = tail.readUInt32LE(at + 16);
  let dirEnd = eocdOffset;

  // a ZIP64 archive has a locator right before the classic end record
  const locator = eocdOffset < 20 ? null : at >= 20 ? tail.subarray(at - 20, at) : await source.read(eocdOffset - 20, 20);
  if (locator && locator.readUInt32LE(0) === ZIP64_LOCATOR) {
    if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) > 1) throw multiDisk();
    const recordOffset = u64(locator, 8);
    if (recordOffset + 56 > eocdOffset - 20) throw corrupt('bản ghi ZIP64 bị hỏng', 'corrupt ZIP64 end record');
    const record = await source.read(recordOffset, 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD || recordOffset + 12 + u64(record, 4) !== eocdOffset - 20)
      throw corrupt('bản ghi ZIP64 bị hỏng', 'corrupt ZIP64 end record');
    disk = record.readUInt32LE(16);
    dirDisk = record.readUInt32LE(20);
    onDisk = u64(record, 24);
    entries = u64(record, 32);
    dirSize = u64(record, 40);
    dirOffset = u64(record, 48);
    dirEnd = recordOffset;
  } else if (entries === U16 || dirSize === U32 || dirOffset === U32) {
    throw corrupt('thiếu bản ghi ZIP64', 'ZIP64 end record missing');
  }
  if (disk !== 0 || dirDisk !== 0 || onDisk !== entries) throw multiDisk();
  if (entries > limits.maxEntries) throw overLimit(limits, 'maxEntries', { actual: entries });
  if (dirSize > limits.maxDirectoryBytes) throw overLimit(limits, 'maxDirectoryBytes', { actual: dirSize });
  // the directory sits right before its end record: nothing hidden between them
  if (dirOffset + dirSize !== dirEnd) throw corrupt('vị trí thư mục tệp nén không khớp', 'the central directory is not where the end record says');
  if (entries > 0 && dirSize < entries * 46) throw corrupt('thư mục tệp nén bị cắt cụt', 'truncated central directory');

  const dir = await source.read(dirOffset, dirSize);
  const list: ZipEntryInfo[] = [];
  const names = new Set<string>();
  let declaredTotal = 0;
  let p = 0;
  for (let i = 0; i < entries; i++) {
    const e = readRecord(dir, p);
    p = e.next;
    const info = e.info;
    const key = info.name.replace(/\\/g, '/');
    if (names.has(key)) throw unreadable('duplicate_name', 'hai tệp con trùng tên', 'two entries have the same name', info.name);
    names.add(key);
    if (info.size > limits.maxEntryBytes) throw overLimit(limits, 'maxEntryBytes', { actual: info.size, entry: info.name });
    declaredTotal += info.size;
    if (declaredTotal > limits.maxTotalBytes) throw overLimit(limits, 'maxTotalBytes', { actual: declaredTotal, over: i < entries - 1 });
    if (info.size > limits.ratioFloorBytes && info.size > info.compressedSize * limits.maxRatio)
      throw overLimit(limits, 'maxRatio', { actual: info.size / Math.max(1, info.compressedSize), entry: info.name });
    list.push(info);
  }
  if (p !== dir.length) throw corrupt('thư mục tệp nén có dữ liệu thừa', 'extra bytes in the central directory');
  list.sort((a, b) => a.localOffset - b.localOffset);
  if (list.length > 0 && list[0]!.localOffset !== 0)
    throw unreadable('layout', 'có dữ liệu lạ trước tệp con đầu tiên', 'unexpected data before the first entry');
  if (list.length === 0 && dirOffset !== 0) throw unreadable('layout', 'có dữ liệu lạ ngoài các tệp con', 'data outside any entry');
  return { entries: list, dataEnd: dirOffset, declaredTotal };
}

function multiDisk() {
  return unreadable('unsupported', 'tệp nén chia nhiều phần không được hỗ trợ', 'split (multi-disk) archives are not supported');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readRecord(dir: Buffer, p: number): { info: ZipEntryInfo; next: number } {
  if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_HEADER) throw corrupt('thư mục tệp nén bị hỏng', 'corrupt central directory');
  const flags = dir.readUInt16LE(p + 8);
  const method = dir.readUInt16LE(p + 10);
  const crc32 = dir.readUInt32LE(p + 16);
  let compressedSize = dir.readUInt32LE(p + 20);
  let size = dir.readUInt32LE(p + 24);
  const nameLength = dir.readUInt16LE(p + 28);
  const extraLength = dir.readUInt16LE(p + 30);
  const commentLength = dir.readUInt16LE(p + 32);
  let diskStart = dir.readUInt16LE(p + 34);
  let localOffset = dir.readUInt32LE(p + 42);
  const next = p + 46 + nameLength + extraLength + commentLength;
  if (next > dir.length) throw corrupt('thư mục tệp nén bị cắt cụt', 'truncated central directory');
  const nameBytes = dir.subarray(p + 46, p + 46 + nameLength);
  const name = decodeName(nameBytes, flags);
  if (nameLength > MAX_NAME_BYTES) throw unreadable('unsafe_name', 'tên tệp con quá dài', 'entry name too long', name);
  const zip64 = size === U32 || compressedSize === U32 || localOffset === U32 || diskStart === U16;
  if (zip64) {
    // ZIP64 extra field (0x0001): 8-byte values for exactly the fields that overflowed, in this order
    const extra = findExtra(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), 0x0001);
    if (!extra) throw corrupt('thiếu thông tin ZIP64 của tệp con', 'missing ZIP64 extra field', name);
    let q = 0;
    const take = () => {
      if (q + 8 > extra.length) throw corrupt('thông tin ZIP64 của tệp con bị hỏng', 'corrupt ZIP64 extra field', name);
      const v = u64(extra, q);
      q += 8;
      return v;
    };
    if (size === U32) size = take();
    if (compressedSize === U32) compressedSize = take();
    if (localOffset === U32) localOffset = take();
    if (diskStart === U16) {
      if (q + 4 > extra.length) throw corrupt('thông tin ZIP64 của tệp con bị hỏng', 'corrupt ZIP64 extra field', name);
      diskStart = extra.readUInt32LE(q);
    }
  }
  if (diskStart !== 0) throw multiDisk();
  // bit 0: traditional encryption; bit 6: strong encryption; method 99: AES (WinZip)
  if (flags & 0x41 || method === 99) throw unreadable('encrypted', 'tệp con được đặt mật khẩu', 'the entry is encrypted', name);
  if (method !== 0 && method !== 8)
    throw unreadable(
      'unsupported',
      `kiểu nén ${method} không được hỗ trợ (chỉ nhận không nén hoặc deflate)`,
      `compression method ${method} is not supported`,
      name,
    );
  if (unsafeName(name))
    throw unreadable('unsafe_name', 'tên tệp con không an toàn (đường dẫn tuyệt đối, "..", hoặc ký tự điều khiển)', 'unsafe entry name', name);
  const isDirectory = name.endsWith('/') || name.endsWith('\\');
  if (isDirectory && size !== 0) throw corrupt('thư mục con lại có dữ liệu', 'a folder entry with data', name);
  if (method === 0 && size !== compressedSize) throw unreadable('size_mismatch', 'kích thước khai báo không khớp', 'declared sizes do not match', name);
  if (method === 8 && compressedSize < 2 && size > 0) throw corrupt('dữ liệu nén quá ngắn', 'deflate data too short', name);
  return { info: { name, nameBytes, flags, method, crc32, compressedSize, size, localOffset, zip64, isDirectory }, next };
}

/** One extra field's body by its id, or null. */
export function findExtra(extra: Buffer, id: number): Buffer | null {
  let q = 0;
  while (q + 4 <= extra.length) {
    const fieldId = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (q + 4 + length > extra.length) return null;
    if (fieldId === id) return extra.subarray(q + 4, q + 4 + length);
    q += 4 + length;
  }
  return null;
}

function decodeName(bytes: Buffer, flags: number): string {
  // bit 11: the name is UTF-8; otherwise IBM 437, which agrees with latin1 on the ASCII names office files use
  if (!(flags & 0x800)) return bytes.toString('latin1');
  try {
    return utf8.decode(bytes);
  } catch {
    throw unreadable('unsafe_name', 'tên tệp con không phải UTF-8 hợp lệ', 'entry name is not valid UTF-8', bytes.toString('latin1'));
  }
}

/** A name that would write outside the folder it is extracted to, or that hides characters. */
export function unsafeName(name: string): boolean {
  if (name.length === 0) return true;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return true;
  if (/^[/\\]/.test(name) || /^[a-zA-Z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((part) => part === '..');
}
