import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TarError, readTar, writeTar, type TarSource } from './tar.js';

async function collect(gen: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of gen) parts.push(c);
  return Buffer.concat(parts);
}

/** The same bytes, handed over in chunks of the given sizes (cycled). */
async function* rechunk(buf: Buffer, sizes: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (let i = 0; at < buf.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!);
    yield buf.subarray(at, at + n);
    at += n;
  }
}

async function readAll(input: AsyncIterable<Buffer>, skipBodies = false): Promise<{ name: string; data: Buffer }[]> {
  const out: { name: string; data: Buffer }[] = [];
  for await (const e of readTar(input)) out.push({ name: e.name, data: skipBodies ? Buffer.alloc(0) : await collect(e.body) });
  return out;
}

describe('tar', () => {
  it('reads back what it wrote, whatever the entry sizes and however the stream is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 1600 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 1, maxLength: 5 }),
        async (bodies, chunkSizes) => {
          const entries: TarSource[] = bodies.map((b, i) => {
            const data = Buffer.from(b);
            // streamed bodies as well as buffers
            return { name: `khien-backup/e${i}`, size: data.length, body: i % 2 ? data : rechunk(data, [7]) };
          });
          const archive = await collect(writeTar(entries));
          expect(archive.length % 512).toBe(0);
          const back = await readAll(rechunk(archive, chunkSizes));
          expect(back.map((e) => e.name)).toEqual(bodies.map((_, i) => `khien-backup/e${i}`));
          back.forEach((e, i) => expect(e.data.equals(Buffer.from(bodies[i]!))).toBe(true));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('skips bodies the reader does not read', async () => {
    const archive = await collect(
      writeTar([
        { name: 'a', size: 700, body: Buffer.alloc(700, 1) },
        { name: 'b', size: 3, body: Buffer.from('abc') },
      ]),
    );
    const names: string[] = [];
    for await (const e of readTar(rechunk(archive, [100]))) names.push(e.name);
    expect(names).toEqual(['a', 'b']);
  });

  it('refuses an archive cut short anywhere, and a damaged header', async () => {
    const archive = await collect(writeTar([{ name: 'a', size: 1000, body: Buffer.alloc(1000, 2) }]));
    for (const cut of [0, 100, 512, 1200, archive.length - 1024]) {
      const input = rechunk(archive.subarray(0, cut), [64]);
      await expect(readAll(input)).rejects.toBeInstanceOf(TarError);
    }
    const bad = Buffer.from(archive);
    bad[10] = bad[10]! ^ 0xff;
    await expect(readAll(rechunk(bad, [512]))).rejects.toThrow(/checksum/);
  });

  it('refuses a body that is not the size its header declared', async () => {
    await expect(collect(writeTar([{ name: 'a', size: 10, body: rechunk(Buffer.alloc(9), [4]) }]))).rejects.toThrow(/9 bytes read, 10 expected/);
    await expect(collect(writeTar([{ name: 'a', size: 10, body: rechunk(Buffer.alloc(11), [4]) }]))).rejects.toThrow(/expected/);
  });

  it('writes sizes past 8 GiB in base-256 and reads them back', async () => {
    const size = 9 * 1024 ** 3;
    const gen = writeTar([{ name: 'big', size, body: (async function* () {})() }]);
    const header = (await gen.next()).value as Buffer;
    expect(header[124]).toBe(0x80);
    const entries = readTar(
      (async function* () {
        yield header;
      })(),
    );
    const first = await entries.next();
    expect(first.value).toMatchObject({ name: 'big', size });
  });
});
