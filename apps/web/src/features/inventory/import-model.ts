import type { InventoryImport, TextInBoth } from '@khien/contracts';
import type { ImportFormat, ImportKind } from '../../lib/enums';

export const IMPORT_ACCEPT =
  '.csv,.xlsx,.json,.jsonl,.ndjson,.log,.txt,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** The formats that make sense for each kind: osquery and Wazuh describe hosts, so assets only. */
export const FORMATS_BY_KIND: Record<ImportKind, readonly ImportFormat[]> = {
  assets: ['csv', 'xlsx', 'osquery', 'wazuh'],
  systems: ['csv', 'xlsx'],
  ipspace: ['csv', 'xlsx'],
};

/**
 * What "automatic" will most likely pick, shown beside the choice. Only the extension is read here; the
 * server also looks at the first bytes, which is how it tells osquery results from a Wazuh inventory.
 */
export function guessFormat(filename: string): ImportFormat | null {
  const name = filename.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (/osquery/.test(name) && /\.(json|jsonl|ndjson|log)$/.test(name)) return 'osquery';
  if (/wazuh|syscollector/.test(name) && /\.(json|jsonl|ndjson)$/.test(name)) return 'wazuh';
  return null;
}

/** Why a file cannot be sent, or null if it can. */
export function importFileProblem(file: { name: string; size: number }): 'empty' | 'size' | 'type' | null {
  if (file.size === 0) return 'empty';
  if (file.size > IMPORT_MAX_BYTES) return 'size';
  if (!/\.(csv|xlsx|json|jsonl|ndjson|log|txt)$/i.test(file.name)) return 'type';
  return null;
}

export function isImportActive(imp: Pick<InventoryImport, 'status'>): boolean {
  return imp.status === 'queued' || imp.status === 'running';
}

/** 0–100 from the server's byte counters; a finished import is always 100. */
export function importPercent(imp: Pick<InventoryImport, 'status' | 'bytesDone' | 'bytesTotal'>): number {
  if (!isImportActive(imp)) return 100;
  if (imp.bytesTotal <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((imp.bytesDone / imp.bytesTotal) * 100)));
}

/**
 * An import's sentence in the language the page is read in: the server keeps each row error and the
 * outcome in both (`text`); `message` (Vietnamese) is what older servers sent alone.
 */
export function inReaderLanguage(text: TextInBoth | null | undefined, message: string | null, language: string): string | null {
  if (text) return language.startsWith('en') ? text.en : text.vi;
  return message;
}
