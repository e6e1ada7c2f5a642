/** Every date in the UI is shown dd/MM/yyyy HH:mm in Vietnam's time zone, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dateTimeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of dateTimeParts.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "25/12/2025 14:30" */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  if (!p) return String(value);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "25/12/2025" */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  if (!p) return String(value);
  return `${p.day}/${p.month}/${p.year}`;
}

/** Vietnam has no daylight saving time, so a calendar day there is always [00:00+07:00, 24:00+07:00). */
export function startOfDayVn(isoDate: string): string {
  return `${isoDate}T00:00:00+07:00`;
}

export function endOfDayVn(isoDate: string): string {
  return `${isoDate}T23:59:59+07:00`;
}

/** Today's calendar date in Vietnam as YYYY-MM-DD. */
export function todayVn(now: Date = new Date()): string {
  const p = parts(now);
  return p ? `${p.year}-${p.month}-${p.day}` : now.toISOString().slice(0, 10);
}

/** "31/12/2025" or "2025-12-31" → "2025-12-31"; anything else → null (the field keeps the old value). */
export function parseDayMonthYear(text: string): string | null {
  const s = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s))) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
