import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { findExtra, type ZipEntryInfo } from './directory.js';
import type { ArchiveLimits } from './limits.js';
import { ArchiveRefusedError, overLimit, unreadable } from './refusal.js';
import type { ArchiveSource } from './source.js';

const LOCAL_HEADER = 0x04034b50;
const DESCRIPTOR = 0x08074b50;
const U32 = 0xffffffff;
/** Entries this small are inflated in one synchronous call: a feed bundle has 300,000 of them. */
const SYNC_MAX = 1024 * 1024;
const READ_CHUNK = 256 * 1024;
const INFLATE_CHUNK = 64 * 1024;

/** What one archive has used so far, shared by its entries. */
export interface Budget {
  limits: ArchiveLimits;
  inflated: number;
  started: number;
  now: () => number;
}

export function checkClock(budget: Budget): void {
  const elapsed = budget.now() - budget.started;
  if (elapsed > budget.limits.maxMillis) throw overLimit(budget.limits, 'maxMillis', { actual: elapsed, over: true });
}

/**
 * Reads an entry's local header and checks it says what the central directory says (a
 * streaming reader such as exceljs' believes the local header), then where its data ends:
 * right where the next entry begins, after the data descriptor when there is one. Entries
 * that overlap (a "better zip bomb" reuses one deflate stream for many) or hide bytes between
 * them are refused. Returns the offset of the entry's compressed data.
 */
export async function locateData(source: ArchiveSource, info: ZipEntryInfo, nextStart: number): Promise<number> {
  const layout = (vi: string, en: string) => unreadable('layout', vi, en, info.name);
  if (info.localOffset + 30 > nextStart) throw layout('các tệp con chồng lên nhau', 'entries overlap');
  const head = await source.read(info.localOffset, 30);
  if (head.readUInt32LE(0) !== LOCAL_HEADER) throw layout('phần đầu tệp con bị hỏng', 'corrupt local header');
  const flags = head.readUInt16LE(6);
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const dataStart = info.localOffset + 30 + nameLength + extraLength;
  if (dataStart + info.compressedSize > nextStart) throw layout('các tệp con chồng lên nhau', 'entries overlap');
  const rest = await source.read(info.localOffset + 30, nameLength + extraLength);
  const mismatch = () =>
    unreadable('size_mismatch', 'phần đầu tệp con khác với thư mục tệp nén', 'the local header disagrees with the central directory', info.name);
  if (!rest.subarray(0, nameLength).equals(info.nameBytes)) throw mismatch();
  if (head.readUInt16LE(8) !== info.method || (flags & 0x09) !== (info.flags & 0x09)) throw mismatch();
  let crc = head.readUInt32LE(14);
  let compressed = head.readUInt32LE(18);
  let size = head.readUInt32LE(22);
  if (compressed === U32 || size === U32) {
    // a local ZIP64 field holds both sizes, unzipped first
    const z = findExtra(rest.subarray(nameLength), 0x0001);
    if (!z || z.length < 16) throw mismatch();
    size = Number(z.readBigUInt64LE(0));
    compressed = Number(z.readBigUInt64LE(8));
  }
  const deferred = (flags & 0x08) !== 0;
  // with a data descriptor the local header may leave crc and sizes at zero
  const agrees = (local: number, central: number) => local === central || (deferred && local === 0);
  if (!agrees(crc, info.crc32) || !agrees(compressed, info.compressedSize) || !agrees(size, info.size)) throw mismatch();

  const dataEnd = dataStart + info.compressedSize;
  const gap = nextStart - dataEnd;
  if (!deferred) {
    if (gap !== 0) throw layout('có dữ liệu lạ giữa các tệp con', 'unexpected data between entries');
    return dataStart;
  }
  // the descriptor: [signature] crc, compressed, size — 4-byte sizes, or 8-byte ones in ZIP64
  if (gap !== 12 && gap !== 16 && gap !== 20 && gap !== 24) throw layout('có dữ liệu lạ giữa các tệp con', 'unexpected data between entries');
  const d = await source.read(dataEnd, gap);
  const signed = gap === 16 || gap === 24;
  if (signed && d.readUInt32LE(0) !== DESCRIPTOR) throw layout('phần mô tả dữ liệu bị hỏng', 'corrupt data descriptor');
  const o = signed ? 4 : 0;
  const wide = gap >= 20;
  crc = d.readUInt32LE(o);
  compressed = wide ? Number(d.readBigUInt64LE(o + 4)) : d.readUInt32LE(o + 4);
  size = wide ? Number(d.readBigUInt64LE(o + 12)) : d.readUInt32LE(o + 8);
  if (crc !== info.crc32 || compressed !== info.compressedSize || size !== info.size) throw mismatch();
  return dataStart;
}

/**
 * The entry's unzipped bytes, chunk by chunk, never more than it declared: every chunk is
 * charged to the entry and the archive and the clock is checked, so an entry whose header lies
 * stops at its declared size, not at the end of the deflate stream. At the end the size, the
 * CRC-32 and the compressed length consumed must all agree with the directory.
 */
export async function* inflateData(source: ArchiveSource, info: ZipEntryInfo, dataStart: number, budget: Budget): AsyncGenerator<Buffer> {
  const { limits } = budget;
  let produced = 0;
  let crc = 0;
  const charge = (chunk: Buffer) => {
    produced += chunk.length;
    budget.inflated += chunk.length;
    if (produced > limits.maxEntryBytes) throw overLimit(limits, 'maxEntryBytes', { actual: produced, over: true, entry: info.name });
    if (budget.inflated > limits.maxTotalBytes) throw overLimit(limits, 'maxTotalBytes', { actual: budget.inflated, over: true });
    if (produced > info.size) throw longer();
    if (produced > limits.ratioFloorBytes && produced > info.compressedSize * limits.maxRatio)
      throw overLimit(limits, 'maxRatio', { actual: produced / info.compressedSize, over: true, entry: info.name });
    checkClock(budget);
    crc = zlib.crc32(chunk, crc);
  };
  const longer = () => unreadable('size_mismatch', 'dữ liệu giải nén dài hơn kích thước khai báo', 'the entry unzips to more than it declares', info.name);
  const broken = () => unreadable('corrupt', 'dữ liệu nén bị hỏng', 'corrupt deflate data', info.name);

  if (info.method === 0) {
    for (let at = 0; at < info.compressedSize; at += READ_CHUNK) {
      const chunk = await source.read(dataStart + at, Math.min(READ_CHUNK, info.compressedSize - at));
      charge(chunk);
      yield chunk;
    }
  } else if (info.size <= SYNC_MAX && info.compressedSize <= SYNC_MAX) {
    const body = await source.read(dataStart, info.compressedSize);
    let result: { buffer: Buffer; engine: zlib.InflateRaw };
    try {
      // maxOutputLength: one byte more than declared is already a lie, and nothing past it is made
      result = zlib.inflateRawSync(body, { maxOutputLength: Math.max(1, info.size), info: true }) as unknown as typeof result;
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw longer();
      throw broken();
    }
    if (result.engine.bytesWritten !== info.compressedSize)
      throw unreadable('corrupt', 'dữ liệu thừa sau luồng nén', 'extra bytes after the deflate stream', info.name);
    if (result.buffer.length > 0) {
      charge(result.buffer);
      yield result.buffer;
    }
  } else {
    yield* inflateStreaming(source, info, dataStart, charge, broken);
  }
  if (produced !== info.size)
    throw unreadable('size_mismatch', 'dữ liệu giải nén ngắn hơn kích thước khai báo', 'the entry unzips to less than it declares', info.name);
  if (crc >>> 0 !== info.crc32) throw unreadable('checksum', 'sai mã kiểm tra CRC-32', 'CRC-32 mismatch', info.name);
}

async function* inflateStreaming(
  source: ArchiveSource,
  info: ZipEntryInfo,
  dataStart: number,
  charge: (chunk: Buffer) => void,
  broken: () => Error,
): AsyncGenerator<Buffer> {
  async function* compressed() {
    for (let at = 0; at < info.compressedSize; at += READ_CHUNK) yield await source.read(dataStart + at, Math.min(READ_CHUNK, info.compressedSize - at));
  }
  const input = Readable.from(compressed());
  const inflater = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK });
  let readError: unknown = null;
  input.on('error', (err) => {
    readError = err;
    inflater.destroy(err);
  });
  // pipe() keeps at most a few chunks in flight: memory is bounded by the chunk sizes, not the entry
  input.pipe(inflater);
  try {
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        charge(chunk);
        yield chunk;
      }
    } catch (err) {
      if (readError) throw readError;
      if (err instanceof ArchiveRefusedError) throw err;
      throw broken();
    }
    if (inflater.bytesWritten !== info.compressedSize)
      throw unreadable('corrupt', 'dữ liệu thừa sau luồng nén', 'extra bytes after the deflate stream', info.name);
  } finally {
    input.destroy();
    inflater.destroy();
  }
}
