/**
 * Bounds on opening one zip. Every archive the product reads (.docx, .xlsx, feed bundles)
 * goes through zip-reader.ts with one of these profiles; a crossed bound refuses the whole
 * archive with the bound's name and value (refusal.ts). Memory is bounded by these numbers,
 * not by what the archive declares: declared sizes are checked first, then enforced while
 * inflating, where a lie stops the archive at the declared size.
 */
export interface ArchiveLimits {
  /** Bytes of the archive itself. */
  maxArchiveBytes: number;
  /** Bytes of the central directory, which is read whole. */
  maxDirectoryBytes: number;
  /** Entries (files and folders). */
  maxEntries: number;
  /** Unzipped bytes of one entry. */
  maxEntryBytes: number;
  /** Unzipped bytes of all entries together. */
  maxTotalBytes: number;
  /** Unzipped ÷ zipped size of one entry: deflate tops out at 1,032:1, where bombs sit; real XML and JSON are 5–50:1, one paragraph or row repeated ~250:1. */
  maxRatio: number;
  /** Entries that unzip to less than this are never refused for their ratio (a small file of spaces is not a bomb). */
  ratioFloorBytes: number;
  /** Wall-clock time to read the whole archive. */
  maxMillis: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const ARCHIVE_LIMITS = {
  /**
   * A công văn in Word: ~20 parts and a few images. Its text is at most 2 million characters
   * (MAX_DISPATCH_TEXT), ~4 MiB of document.xml even in dense paragraphs; mammoth then needs
   * ~20 times that in its worker (documents/docx.ts), whose 256 MB heap cap stops what this lets through.
   */
  docx: {
    maxArchiveBytes: 20 * MiB,
    maxDirectoryBytes: 1 * MiB,
    maxEntries: 1_000,
    maxEntryBytes: 16 * MiB,
    maxTotalBytes: 48 * MiB,
    maxRatio: 500,
    ratioFloorBytes: 1 * MiB,
    maxMillis: 15_000,
  },
  /**
   * A spreadsheet to import: 50,000 rows with every column filled unzip to ~40 MiB of sheet XML,
   * so 160 MiB in all (the bound the org import has had since its first version) leaves room for
   * shared strings and styles. Uploads are at most 50 MiB (the inventory's XLSX bound).
   */
  xlsx: {
    maxArchiveBytes: 50 * MiB,
    maxDirectoryBytes: 2 * MiB,
    maxEntries: 2_000,
    maxEntryBytes: 128 * MiB,
    maxTotalBytes: 160 * MiB,
    maxRatio: 500,
    ratioFloorBytes: 1 * MiB,
    maxMillis: 30_000,
  },
  /**
   * A feed bundle read entry by entry (iterateArchive): the CVE list is ~300,000 small JSON
   * files, a yearly NVD feed one JSON of a few hundred MiB. Read from a file, never whole.
   */
  bundle: {
    maxArchiveBytes: 4 * GiB,
    maxDirectoryBytes: 128 * MiB,
    maxEntries: 1_000_000,
    maxEntryBytes: 1 * GiB,
    maxTotalBytes: 16 * GiB,
    maxRatio: 500,
    ratioFloorBytes: 1 * MiB,
    maxMillis: 15 * 60_000,
  },
} as const satisfies Record<string, ArchiveLimits>;

export type ArchiveProfile = keyof typeof ARCHIVE_LIMITS;
export type ArchiveLimitName = keyof ArchiveLimits;
