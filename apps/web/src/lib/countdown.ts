/** A message key under a feature's namespace with its parameters, for `t(key, params)`. */
export interface Words {
  key: string;
  params: Record<string, number | string>;
}

export interface Countdown extends Words {
  overdue: boolean;
}

const MINUTE = 60_000;

/**
 * The time left before a deadline, or how far past it is, as `<prefix>.left.*` / `<prefix>.over.*`
 * keys: minutes under an hour (an acknowledgement is due in 15 to 60 minutes, so a minute matters),
 * hours and minutes under a day (the 24 h report), days and hours beyond. Null without a deadline.
 * The deadline's own minute counts as overdue; both sides round down ("còn 4 phút" with 4 min 59 s
 * left, "quá hạn 0 phút" would read as less than one, so it says "dưới 1 phút").
 */
export function countdown(prefix: string, dueIso: string | null, now: number): Countdown | null {
  if (!dueIso) return null;
  const ms = new Date(dueIso).getTime() - now;
  if (Number.isNaN(ms)) return null;
  const overdue = ms <= 0;
  const side = overdue ? 'over' : 'left';
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  if (minutes < 1) return { overdue, key: `${prefix}.${side}.lessThanMinute`, params: {} };
  if (minutes < 60) return { overdue, key: `${prefix}.${side}.minutes`, params: { m: minutes } };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { overdue, key: `${prefix}.${side}.hours`, params: { h: hours, m: minutes % 60 } };
  return { overdue, key: `${prefix}.${side}.days`, params: { d: Math.floor(hours / 24), h: hours % 24 } };
}
