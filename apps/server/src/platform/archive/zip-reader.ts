import { readDirectory } from './directory.js';
import { checkClock, inflateData, locateData, type Budget } from './entry-data.js';
import type { ArchiveLimits } from './limits.js';
import { bufferSource, openFileSource, type ArchiveSource } from './source.js';

/** An upload in memory, a file on disk (read piece by piece), or any other source. */
export type ArchiveInput = Buffer | { path: string } | ArchiveSource;

export interface ArchiveOptions {
  /** A profile from ARCHIVE_LIMITS, or one derived from it. */
  limits: ArchiveLimits;
  /** The clock the time limit runs on; tests inject one. */
  now?: () => number;
}

/** One entry of an archive being read front to back. */
export interface ArchiveEntry {
  readonly name: string;
  /** Declared unzipped size; the data is refused the moment it disagrees. */
  readonly size: number;
  readonly compressedSize: number;
  readonly isDirectory: boolean;
  /** The unzipped bytes in chunks of at most 1 MiB, checked against the limits as they come. Once, before the next entry. */
  chunks(): AsyncGenerator<Buffer>;
  /** The whole unzipped entry (bounded by maxEntryBytes). */
  bytes(): Promise<Buffer>;
}

export interface ArchiveSummary {
  names: string[];
  inflatedBytes: number;
}

async function openInput(input: ArchiveInput): Promise<{ source: ArchiveSource; owned: boolean }> {
  if (Buffer.isBuffer(input)) return { source: bufferSource(input), owned: false };
  if ('path' in input) return { source: await openFileSource(input.path), owned: true };
  return { source: input, owned: false };
}

/**
 * The guarded zip reader: every archive the product opens goes through here (or through
 * checkArchive/readArchiveEntries, built on it). The central directory is checked first,
 * then entries are yielded in file order; an entry not read is still located and its headers
 * checked, but never inflated. Throws ArchiveRefusedError and nothing else on purpose.
 */
export async function* iterateArchive(input: ArchiveInput, options: ArchiveOptions): AsyncGenerator<ArchiveEntry> {
  const now = options.now ?? Date.now;
  const budget: Budget = { limits: options.limits, inflated: 0, started: now(), now };
  const { source, owned } = await openInput(input);
  try {
    const dir = await readDirectory(source, options.limits);
    checkClock(budget);
    for (let i = 0; i < dir.entries.length; i++) {
      const info = dir.entries[i]!;
      const nextStart = i + 1 < dir.entries.length ? dir.entries[i + 1]!.localOffset : dir.dataEnd;
      const dataStart = await locateData(source, info, nextStart);
      checkClock(budget);
      let state: 'ready' | 'read' | 'passed' = 'ready';
      const entry: ArchiveEntry = {
        name: info.name,
        size: info.size,
        compressedSize: info.compressedSize,
        isDirectory: info.isDirectory,
        chunks() {
          // the source may be closed by then, and entries are checked in order
          if (state !== 'ready') throw new Error(`archive entry ${info.name} read twice or after the next one`);
          state = 'read';
          return inflateData(source, info, dataStart, budget);
        },
        async bytes() {
          const parts: Buffer[] = [];
          for await (const chunk of entry.chunks()) parts.push(chunk);
          return Buffer.concat(parts);
        },
      };
      yield entry;
      state = 'passed';
    }
  } finally {
    if (owned) await source.close();
  }
}

/** Inflates every entry and throws it away: the archive is safe to hand to a library that trusts it. */
export async function checkArchive(input: ArchiveInput, options: ArchiveOptions): Promise<ArchiveSummary> {
  const names: string[] = [];
  let inflatedBytes = 0;
  for await (const entry of iterateArchive(input, options)) {
    names.push(entry.name);
    inflatedBytes += await drain(entry);
  }
  return { names, inflatedBytes };
}

/**
 * The named entries' bytes (`word/document.xml`), after checking the whole archive like
 * checkArchive does; names that are not in the archive are missing from the map.
 */
export async function readArchiveEntries(input: ArchiveInput, options: ArchiveOptions & { names: readonly string[] }): Promise<Map<string, Buffer>> {
  const wanted = new Set(options.names);
  const found = new Map<string, Buffer>();
  for await (const entry of iterateArchive(input, options)) {
    if (wanted.has(entry.name)) found.set(entry.name, await entry.bytes());
    else await drain(entry);
  }
  return found;
}

async function drain(entry: ArchiveEntry): Promise<number> {
  let n = 0;
  for await (const chunk of entry.chunks()) n += chunk.length;
  return n;
}
