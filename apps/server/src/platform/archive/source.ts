import fs from 'node:fs';
import { unreadable } from './refusal.js';

/**
 * Where an archive's bytes come from: an upload already in memory, or a file read piece by
 * piece (a feed bundle of gigabytes is never loaded whole). Reads past the end are a
 * truncated archive, not a short buffer.
 */
export interface ArchiveSource {
  readonly size: number;
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export function bufferSource(data: Buffer): ArchiveSource {
  return {
    size: data.length,
    read(position, length) {
      if (position < 0 || length < 0 || position + length > data.length) return Promise.reject(truncated());
      // a view, not a copy: an upload's entries are inflated straight from it
      return Promise.resolve(data.subarray(position, position + length));
    },
    close: () => Promise.resolve(),
  };
}

export async function openFileSource(path: string): Promise<ArchiveSource> {
  const handle = await fs.promises.open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(position, length) {
      if (position < 0 || length < 0 || position + length > size) throw truncated();
      const buf = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buf, done, length - done, position + done);
        // the file shrank while we read it
        if (bytesRead === 0) throw truncated();
        done += bytesRead;
      }
      return buf;
    },
    close: () => handle.close(),
  };
}

function truncated() {
  return unreadable('truncated', 'tệp nén bị cắt cụt', 'the archive is truncated');
}

/** PK\x03\x04 (a file), PK\x05\x06 (an empty archive) or PK\x07\x08 (spanned). */
export function isZip(data: Buffer): boolean {
  return (
    data.length >= 4 &&
    data[0] === 0x50 &&
    data[1] === 0x4b &&
    ((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6) || (data[2] === 7 && data[3] === 8))
  );
}

/** OLE compound file: legacy .xls/.doc, or an Office file encrypted with a password. */
export function isCompoundFile(data: Buffer): boolean {
  return data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1;
}
