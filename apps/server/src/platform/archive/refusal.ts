import { AppError } from '../errors.js';
import type { Words } from '../words.js';
import type { ArchiveLimitName, ArchiveLimits } from './limits.js';

/** What is wrong with an archive that breaks no limit: it cannot be read safely at all. */
export type ArchiveProblem = 'corrupt' | 'truncated' | 'encrypted' | 'unsupported' | 'unsafe_name' | 'duplicate_name' | 'size_mismatch' | 'checksum' | 'layout';

// size and count limits answer 413 like any other upload that is too big; a bomb's ratio and a
// stalled read answer 422 with the corrupt and unsafe ones: the archive is refused for what it is
const TOO_LARGE: ReadonlySet<ArchiveLimitName> = new Set(['maxArchiveBytes', 'maxDirectoryBytes', 'maxEntries', 'maxEntryBytes', 'maxTotalBytes']);

/**
 * The one error platform/archive throws on purpose. `limit` names the bound that was crossed
 * (then `problem` is null), or `problem` says why the archive cannot be read. An AppError, so a
 * route that lets it through answers ARCHIVE_TOO_LARGE (413) or ARCHIVE_REFUSED (422) with a
 * "Vietnamese / English" message that names the limit and its value.
 */
export class ArchiveRefusedError extends AppError {
  readonly limit: ArchiveLimitName | null;
  readonly problem: ArchiveProblem | null;
  readonly entry: string | null;
  /** the message's two halves, for a reader who wants one language (the imports) */
  readonly text: Words;
  constructor(o: { limit?: ArchiveLimitName; problem?: ArchiveProblem; entry?: string | null; text: Words; value?: number }) {
    const message = `${o.text.vi} / ${o.text.en}`;
    const limit = o.limit ?? null;
    const entry = o.entry === undefined || o.entry === null ? null : shownName(o.entry);
    super(limit && TOO_LARGE.has(limit) ? 'ARCHIVE_TOO_LARGE' : 'ARCHIVE_REFUSED', message, {
      ...(limit ? { limit } : { problem: o.problem }),
      ...(o.value === undefined ? {} : { value: o.value }),
      ...(entry === null ? {} : { entry }),
    });
    this.name = 'ArchiveRefusedError';
    this.limit = limit;
    this.problem = limit ? null : (o.problem ?? 'corrupt');
    this.entry = entry;
    this.text = o.text;
  }
}

/** Names come from the archive: no control characters, no novel-length names in a message. */
function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 120 ? `${clean.slice(0, 117)}...` : clean;
}

const LABELS: Record<ArchiveLimitName, { vi: string; en: string }> = {
  maxArchiveBytes: { vi: 'dung lượng tệp nén', en: 'archive size' },
  maxDirectoryBytes: { vi: 'dung lượng thư mục của tệp nén', en: 'size of the zip directory' },
  maxEntries: { vi: 'số tệp con', en: 'number of entries' },
  maxEntryBytes: { vi: 'dung lượng giải nén của một tệp con', en: 'unzipped size of one entry' },
  maxTotalBytes: { vi: 'tổng dung lượng giải nén', en: 'total unzipped size' },
  maxRatio: { vi: 'tỷ lệ nén của một tệp con', en: 'compression ratio of one entry' },
  ratioFloorBytes: { vi: 'tỷ lệ nén của một tệp con', en: 'compression ratio of one entry' },
  maxMillis: { vi: 'thời gian giải nén', en: 'time to unzip' },
};

type Lang = 'vi' | 'en';

function bytes(n: number, lang: Lang): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = Number.isInteger(v) ? String(v) : v.toFixed(1);
  return `${lang === 'vi' ? text.replace('.', ',') : text} ${units[u]}`;
}

const count = (n: number, lang: Lang) => Math.floor(n).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US');

/** A limit's value as a person reads it: "16 MiB", "2.000", "250:1", "30 giây". */
export function limitValue(limit: ArchiveLimitName, n: number, lang: Lang): string {
  if (limit === 'maxEntries') return count(n, lang);
  if (limit === 'maxRatio') return `${count(n, lang)}:1`;
  if (limit === 'maxMillis') {
    const seconds = Math.max(0, Math.round(n / 100) / 10);
    const text = lang === 'vi' ? String(seconds).replace('.', ',') : String(seconds);
    return lang === 'vi' ? `${text} giây` : `${text} s`;
  }
  return bytes(n, lang);
}

/**
 * "Tệp nén vượt giới hạn: dung lượng giải nén của một tệp con tối đa 16 MiB (tệp con "word/document.xml": 200 MiB) / Archive exceeds a limit: …".
 * `actual` is what was found (declared or measured); `over` says it is a lower bound ("more than").
 */
export function overLimit(
  limits: ArchiveLimits,
  limit: ArchiveLimitName,
  o: { actual?: number; over?: boolean; entry?: string | null } = {},
): ArchiveRefusedError {
  const max = limits[limit];
  const entry = o.entry === undefined || o.entry === null ? null : shownName(o.entry);
  const found = (lang: Lang) => {
    if (o.actual === undefined) return '';
    const where = entry === null ? (lang === 'vi' ? 'tệp này' : 'this archive') : lang === 'vi' ? `tệp con "${entry}"` : `entry "${entry}"`;
    const more = o.over ? (lang === 'vi' ? 'hơn ' : 'more than ') : '';
    return ` (${where}: ${more}${limitValue(limit, o.actual, lang)})`;
  };
  const text = {
    vi: `Tệp nén vượt giới hạn: ${LABELS[limit].vi} tối đa ${limitValue(limit, max, 'vi')}${found('vi')}`,
    en: `Archive exceeds a limit: ${LABELS[limit].en} at most ${limitValue(limit, max, 'en')}${found('en')}`,
  };
  return new ArchiveRefusedError({ limit, text, value: max, entry });
}

/** "Tệp nén không hợp lệ hoặc không an toàn: … / Invalid or unsafe archive: …". */
export function unreadable(problem: ArchiveProblem, vi: string, en: string, entry?: string | null): ArchiveRefusedError {
  const shown = entry === undefined || entry === null ? null : shownName(entry);
  const whereVi = shown === null ? '' : ` (tệp con "${shown}")`;
  const whereEn = shown === null ? '' : ` (entry "${shown}")`;
  return new ArchiveRefusedError({
    problem,
    entry: shown,
    text: { vi: `Tệp nén không hợp lệ hoặc không an toàn: ${vi}${whereVi}`, en: `Invalid or unsafe archive: ${en}${whereEn}` },
  });
}
