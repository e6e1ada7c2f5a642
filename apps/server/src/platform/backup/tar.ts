/**
 * Just enough POSIX tar (ustar) for backups: regular files only, written and read as streams.
 * Our own ~150 lines rather than a dependency: the backup needs no links, modes or long names,
 * and a plain tar means an operator can still look inside with `tar tzf` when Khiên cannot run.
 */

const BLOCK = 512;
const MAX_OCTAL_SIZE = 0o77777777777; // 11 octal digits: 8 GiB - 1; larger sizes use base-256 (GNU, read by every tar)

export interface TarSource {
  name: string;
  size: number;
  body: Buffer | AsyncIterable<Buffer>;
}

export interface TarEntry {
  name: string;
  size: number;
  /** Read it to the end (or not at all) before asking for the next entry. */
  body: AsyncIterable<Buffer>;
}

export class TarError extends Error {}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function writeOctal(buf: Buffer, value: number, offset: number, width: number): void {
  buf.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'ascii');
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new TarError(`tar entry name too long: ${name}`);
  h.write(name, 0, 100, 'utf8');
  writeOctal(h, 0o600, 100, 8);
  writeOctal(h, 0, 108, 8);
  writeOctal(h, 0, 116, 8);
  if (size <= MAX_OCTAL_SIZE) writeOctal(h, size, 124, 12);
  else {
    h[124] = 0x80;
    h.writeBigUInt64BE(BigInt(size), 128);
  }
  writeOctal(h, Math.floor(mtime.getTime() / 1000), 136, 12);
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\0', 257, 6, 'ascii');
  h.write('00', 263, 2, 'ascii');
  h.fill(' ', 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return h;
}

/** The archive's bytes, entry by entry; a body shorter or longer than its declared size is an error. */
export async function* writeTar(entries: AsyncIterable<TarSource> | Iterable<TarSource>, mtime = new Date()): AsyncGenerator<Buffer> {
  for await (const e of entries) {
    yield header(e.name, e.size, mtime);
    let written = 0;
    if (Buffer.isBuffer(e.body)) {
      written = e.body.length;
      if (written > 0) yield e.body;
    } else {
      for await (const chunk of e.body) {
        written += chunk.length;
        if (written > e.size) break;
        yield chunk;
      }
    }
    if (written !== e.size) throw new TarError(`${e.name}: ${written} bytes read, ${e.size} expected (the file changed while it was copied)`);
    const pad = padding(e.size);
    if (pad > 0) yield Buffer.alloc(pad);
  }
  yield Buffer.alloc(2 * BLOCK);
}

/** Pulls exact byte counts out of a stream of chunks of any size. */
class ByteReader {
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  constructor(private readonly it: AsyncIterator<Buffer>) {}

  private async more(): Promise<boolean> {
    if (this.ended) return false;
    const r = await this.it.next();
    if (r.done) {
      this.ended = true;
      return false;
    }
    this.buf = this.buf.length === 0 ? r.value : Buffer.concat([this.buf, r.value]);
    return true;
  }

  /** Exactly n bytes, or null at a clean end of input before the first of them. */
  async exact(n: number): Promise<Buffer | null> {
    while (this.buf.length < n) {
      if (!(await this.more())) {
        if (this.buf.length === 0) return null;
        throw new TarError('archive cut short');
      }
    }
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  /** Reads and drops the rest of the input (so that a gzip stream underneath checks its CRC). */
  async drain(): Promise<void> {
    this.buf = Buffer.alloc(0);
    while (await this.more()) this.buf = Buffer.alloc(0);
  }

  /** Between 1 and max bytes. */
  async some(max: number): Promise<Buffer> {
    if (this.buf.length === 0 && !(await this.more())) throw new TarError('archive cut short');
    const out = this.buf.subarray(0, Math.min(max, this.buf.length));
    this.buf = this.buf.subarray(out.length);
    return out;
  }
}

function readOctal(h: Buffer, offset: number, width: number): number {
  const field = h.subarray(offset, offset + width);
  if ((field[0]! & 0x80) !== 0) {
    if (field[0] !== 0x80 || field.readUInt32BE(0) !== 0x80000000) throw new TarError('tar size too large');
    return Number(field.readBigUInt64BE(4));
  }
  const text = field
    .toString('ascii')
    .replace(/[\0 ]+$/, '')
    .trim();
  if (!/^[0-7]*$/.test(text)) throw new TarError('bad number in tar header');
  return text === '' ? 0 : Number.parseInt(text, 8);
}

function parseHeader(h: Buffer): { name: string; size: number } {
  const stored = readOctal(h, 148, 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  if (sum !== stored) throw new TarError('tar header checksum mismatch');
  const type = String.fromCharCode(h[156]!);
  if (type !== '0' && type !== '\0') throw new TarError(`unexpected tar entry type "${type}"`);
  const cut = (b: Buffer) => b.subarray(0, b.indexOf(0) === -1 ? b.length : b.indexOf(0)).toString('utf8');
  const prefix = h.toString('ascii', 257, 262) === 'ustar' ? cut(h.subarray(345, 500)) : '';
  const name = cut(h.subarray(0, 100));
  return { name: prefix ? `${prefix}/${name}` : name, size: readOctal(h, 124, 12) };
}

/**
 * Entries of a tar stream; an input that stops before the end-of-archive marker is an error.
 * What follows the marker (tar's zero padding) is read and dropped, so the input is consumed whole.
 */
export async function* readTar(input: AsyncIterable<Buffer>): AsyncGenerator<TarEntry> {
  const reader = new ByteReader(input[Symbol.asyncIterator]());
  for (;;) {
    const h = await reader.exact(BLOCK);
    if (!h) throw new TarError('archive cut short: no end-of-archive marker');
    if (h.every((b) => b === 0)) {
      await reader.drain();
      return;
    }
    const { name, size } = parseHeader(h);
    let remaining = size;
    const body = (async function* () {
      while (remaining > 0) {
        const chunk = await reader.some(remaining);
        remaining -= chunk.length;
        yield chunk;
      }
    })();
    yield { name, size, body };
    while (remaining > 0) remaining -= (await reader.some(remaining)).length;
    if (padding(size) > 0 && !(await reader.exact(padding(size)))) throw new TarError('archive cut short');
  }
}
