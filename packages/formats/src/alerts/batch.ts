import { problem } from './build.js';
import { ALERT_LIMITS, type AlertParse, type AlertProblem, type NormalisedAlert, type ParseAlertOptions } from './types.js';

/** What a format's reader of one item gives: an alert, or why the item is not one. */
export type ItemResult = NormalisedAlert | AlertProblem;

export interface ItemContext {
  /** Index reported in problems (position in the batch). */
  index: number | null;
  /** Path prefix of the item inside the body, e.g. "alerts[2]" or "[0]"; '' for the body itself. */
  path: string;
  receivedAt: Date;
}

export function isProblem(r: ItemResult): r is AlertProblem {
  return 'code' in r && 'message' in r && !('dedupKey' in r);
}

export function receivedAtOf(opts: ParseAlertOptions | undefined): Date {
  const r = opts?.receivedAt;
  return r instanceof Date && Number.isFinite(r.getTime()) ? r : new Date();
}

export function maxItemsOf(opts: ParseAlertOptions | undefined): number {
  const m = opts?.maxItems;
  return typeof m === 'number' && Number.isInteger(m) && m > 0 ? m : ALERT_LIMITS.batchItems;
}

export function joinPath(base: string, child: string): string {
  if (base === '') return child;
  if (child === '' || child.startsWith('[')) return base + child;
  return `${base}.${child}`;
}

/**
 * Reads the items of a batch, at most maxItems of them; the rest become one batch_too_large problem.
 * A reader that throws (it should not) becomes a problem too: one bad item never loses the others.
 */
export function readBatch(
  items: readonly unknown[],
  opts: ParseAlertOptions | undefined,
  pathOf: (i: number) => string,
  read: (item: unknown, ctx: ItemContext) => ItemResult | ItemResult[],
  indexOf: (i: number) => number | null = (i) => i,
): AlertParse {
  const out: AlertParse = { alerts: [], problems: [] };
  const max = maxItemsOf(opts);
  const receivedAt = receivedAtOf(opts);
  const n = Math.min(items.length, max);
  for (let i = 0; i < n; i++) {
    const ctx: ItemContext = { index: indexOf(i), path: pathOf(i), receivedAt };
    let results: ItemResult[];
    try {
      const r = read(items[i], ctx);
      results = Array.isArray(r) ? r : [r];
    } catch {
      results = [problem(ctx.index, ctx.path, 'not_an_object', 'không đọc được', 'unreadable')];
    }
    for (const r of results) {
      if (isProblem(r)) out.problems.push(r);
      else out.alerts.push(r);
    }
  }
  if (items.length > max) {
    out.problems.push(
      problem(
        null,
        '',
        'batch_too_large',
        `${max} trên ${items.length} mục; ${items.length - max} mục còn lại bị bỏ qua`,
        `${max} of ${items.length} items; the other ${items.length - max} were ignored`,
      ),
    );
  }
  return out;
}

export function merge(into: AlertParse, from: AlertParse): AlertParse {
  for (const a of from.alerts) into.alerts.push(a);
  for (const p of from.problems) into.problems.push(p);
  return into;
}
