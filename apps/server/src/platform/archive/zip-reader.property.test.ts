import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_LIMITS, ArchiveRefusedError, iterateArchive, type ArchiveLimits } from './index.js';
import { writeZip, type TestEntry } from './test-support.js';

// small enough that mutated archives cross them often, so "never past a limit" is tested, not assumed
const LIMITS: ArchiveLimits = {
  ...ARCHIVE_LIMITS.docx,
  maxEntries: 6,
  maxEntryBytes: 8 * 1024,
  maxTotalBytes: 20 * 1024,
  ratioFloorBytes: 2 * 1024,
  maxRatio: 40,
};

/** Reads everything; a typed refusal is a fine answer, anything else thrown fails the property. */
async function readSafely(data: Buffer): Promise<Map<string, Buffer> | ArchiveRefusedError> {
  const got = new Map<string, Buffer>();
  let total = 0;
  try {
    for await (const entry of iterateArchive(data, { limits: LIMITS })) {
      const bytes = await entry.bytes();
      expect(bytes.length).toBe(entry.size);
      expect(bytes.length).toBeLessThanOrEqual(LIMITS.maxEntryBytes);
      total += bytes.length;
      got.set(entry.name, bytes);
    }
  } catch (err) {
    if (err instanceof ArchiveRefusedError) {
      expect([413, 422]).toContain(err.status);
      expect(err.message).toMatch(/^Tệp nén [^/]+: .* \/ [A-Z]/s);
      return err;
    }
    throw err;
  }
  expect(got.size).toBeLessThanOrEqual(LIMITS.maxEntries);
  expect(total).toBeLessThanOrEqual(LIMITS.maxTotalBytes);
  return got;
}

const content = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)),
  fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 12_000 })).map(([b, n]) => Buffer.alloc(n, b)),
  fc.string({ maxLength: 400 }).map((s) => Buffer.from(s.repeat(5), 'utf8')),
);
const entry: fc.Arbitrary<TestEntry> = fc.record({
  name: fc.constantFrom('[Content_Types].xml', 'word/document.xml', 'xl/worksheets/sheet1.xml', 'a.json', 'thư mục/b.txt', 'c'),
  data: content,
  method: fc.constantFrom(0 as const, 8 as const),
  descriptor: fc.constantFrom(undefined, 'signed' as const, 'unsigned' as const),
  zip64: fc.boolean(),
});
const archive = fc
  .record({ entries: fc.uniqueArray(entry, { maxLength: 5, selector: (e) => e.name }), zip64: fc.boolean() })
  .map(({ entries, zip64 }) => ({ entries, zip: writeZip(entries, { zip64 }) }));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), byte: fc.constant(0) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
);

function mutate(zip: Buffer, changes: { kind: 'set' | 'cut' | 'insert'; at: number; byte: number }[]): Buffer {
  let out = Buffer.from(zip);
  for (const c of changes) {
    if (out.length === 0) break;
    const at = c.at % out.length;
    if (c.kind === 'set') out[at] = c.byte;
    else if (c.kind === 'cut') out = out.subarray(0, at);
    else out = Buffer.concat([out.subarray(0, at), Buffer.from([c.byte]), out.subarray(at)]);
  }
  return out;
}

describe('the zip reader on any input', () => {
  it('valid archives read back exactly, or are refused by a limit', async () => {
    await fc.assert(
      fc.asyncProperty(archive, async ({ entries, zip }) => {
        const got = await readSafely(zip);
        if (got instanceof ArchiveRefusedError) {
          // an honest archive is refused only for a limit, never as corrupt
          expect(got.limit).not.toBeNull();
          return;
        }
        expect([...got.keys()]).toEqual(entries.map((e) => e.name));
        for (const e of entries) expect(got.get(e.name)!.equals(e.data!)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated archives: a result within the limits or a typed refusal, nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(archive, fc.array(mutation, { minLength: 1, maxLength: 6 }), async ({ zip }, changes) => {
        await readSafely(mutate(zip, changes));
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes, behind a zip signature or not', async () => {
    const prefix = fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06]);
    await fc.assert(
      fc.asyncProperty(prefix, fc.uint8Array({ maxLength: 2000 }), async (p, bytes) => {
        const data = Buffer.concat([Buffer.from(p), Buffer.from(bytes)]);
        const got = await readSafely(data);
        if (!(got instanceof ArchiveRefusedError)) expect(got.size).toBeLessThanOrEqual(LIMITS.maxEntries);
      }),
      { numRuns: 300 },
    );
  });
});
