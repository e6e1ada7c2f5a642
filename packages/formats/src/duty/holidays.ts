import { dayOfLunar, fromJulianDayNumber, julianDayNumber, vietnamLunarCalendar } from './lunar.js';
import type { Holiday, HolidayOverride, LunarDate, MandatoryPeriod } from './types.js';

/**
 * Public holidays of the Labour Code 2019, art. 112 (11 days), computed for any year:
 *  - 1/1 Tết Dương lịch;
 *  - Tết Nguyên đán, 5 days. The law gives the count and the government picks the days each
 *    year; we assume the last day of the lunar year (29 or 30 tháng Chạp) plus mùng 1–4 tháng
 *    Giêng, the usual choice. `overrides[].tet` replaces them with the decided days;
 *  - Giỗ Tổ Hùng Vương, 10 tháng 3 âm lịch (the ordinary 3rd month when the year has a leap 3rd);
 *  - 30/4 Ngày Chiến thắng, 1/5 Ngày Quốc tế Lao động;
 *  - 2/9 Quốc khánh plus one day next to it, which the government picks (1/9 or 3/9); we assume
 *    1/9. `overrides[].nationalDayExtra` replaces it (null drops it, as before 2021).
 * The Code's rules are applied to every year, also before 2021 when it came into force.
 * Compensatory days (nghỉ bù) for a holiday on a weekend are left out: a 24/7 roster runs
 * through weekends anyway, so they change nobody's duty.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
export const isoDay = (jdn: number) => {
  const { y, m, d } = fromJulianDayNumber(jdn);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
};

/** The local day number of yyyy-mm-dd, or null when it is no date. */
export function dayOfIso(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const jdn = julianDayNumber(y, mo, d);
  return isoDay(jdn) === date ? jdn : null;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Julian day number of 1970-01-01. */
const EPOCH_JDN = 2440588;

/** The instant of the local (+07:00) midnight that begins day jdn. */
export const localMidnight = (jdn: number) => new Date((jdn - EPOCH_JDN) * DAY - 7 * HOUR);
/** The local day number an instant falls on. */
export const localDayOf = (t: Date | number) => Math.floor((+t + 7 * HOUR) / DAY) + EPOCH_JDN;

function tetDay(year: number): number {
  // mùng 1 tháng Giêng always exists: every lunar year has a first month
  return dayOfLunar({ day: 1, month: 1, year, leap: false })!;
}

/** The lunar new year's day (mùng 1 Tết) of a solar year, as yyyy-mm-dd. */
export function tetDate(year: number): string {
  return isoDay(tetDay(year));
}

function tetName(l: LunarDate): Holiday['name'] {
  if (l.month === 1 && !l.leap) {
    return { vi: `Tết Nguyên đán (${l.day <= 10 ? 'mùng ' : ''}${l.day} tháng Giêng)`, en: `Lunar New Year (Tết), day ${l.day} of the first lunar month` };
  }
  if (l.month === 12) return { vi: `Tết Nguyên đán (${l.day} tháng Chạp)`, en: `Lunar New Year (Tết), day ${l.day} of the twelfth lunar month` };
  return { vi: `Tết Nguyên đán (${l.day}/${l.month}${l.leap ? ' nhuận' : ''} âm lịch)`, en: 'Lunar New Year (Tết) holiday' };
}

function checkedDay(date: string, what: string): number {
  const jdn = dayOfIso(date);
  if (jdn === null) throw new RangeError(`${what}: "${date}" is not a yyyy-mm-dd date`);
  return jdn;
}

/** The year's public holidays, in date order, one per day. Throws RangeError for an override date that is not yyyy-mm-dd. */
export function vietnamHolidays(year: number, overrides?: HolidayOverride[]): Holiday[] {
  const override = overrides?.filter((o) => o.year === year).at(-1);
  const fixed = (m: number, d: number) => julianDayNumber(year, m, d);
  const out: { jdn: number; name: Holiday['name']; kind: Holiday['kind'] }[] = [];
  const add = (jdn: number, name: Holiday['name'], kind: Holiday['kind'] = 'public_holiday') => out.push({ jdn, name, kind });

  add(fixed(1, 1), { vi: 'Tết Dương lịch', en: "New Year's Day" });
  const tet = tetDay(year);
  const tetDays = override?.tet ? override.tet.map((d) => checkedDay(d, `Tết override ${year}`)) : [tet - 1, tet, tet + 1, tet + 2, tet + 3];
  for (const jdn of tetDays) add(jdn, tetName(vietnamLunarCalendar.lunarOfDay(jdn)), 'tet');
  add(dayOfLunar({ day: 10, month: 3, year, leap: false })!, { vi: 'Giỗ Tổ Hùng Vương (10 tháng 3 âm lịch)', en: "Hung Kings' Commemoration Day" });
  add(fixed(4, 30), { vi: 'Ngày Chiến thắng (30/4)', en: 'Victory Day (Reunification Day)' });
  add(fixed(5, 1), { vi: 'Ngày Quốc tế Lao động (1/5)', en: 'International Labour Day' });
  add(fixed(9, 2), { vi: 'Quốc khánh (2/9)', en: 'National Day' });
  const extra = override && override.nationalDayExtra !== undefined ? override.nationalDayExtra : `${pad(year, 4)}-09-01`;
  if (extra !== null) add(checkedDay(extra, `National Day override ${year}`), { vi: 'Quốc khánh (ngày liền kề)', en: 'National Day (adjacent day)' });

  // one entry per day: an override that lands on another holiday must not count that day twice
  const seen = new Set<number>();
  return out
    .filter((h) => !seen.has(h.jdn) && seen.add(h.jdn))
    .sort((a, b) => a.jdn - b.jdn)
    .map((h) => ({ date: isoDay(h.jdn), name: h.name, kind: h.kind }));
}

/**
 * The heightened-alert period around the Tết of a solar year: from 00:00 on 23 tháng Chạp (Tết
 * ông Công ông Táo, when offices start to empty) to 00:00 on mùng 11 tháng Giêng, i.e. through
 * mùng 10, when offices are fully staffed again. Half-open [start, end), local midnights (+07:00).
 * 23 is counted in the last month before Tết, so a year with a leap 12th month is handled too.
 */
export function tetAlertPeriod(year: number): MandatoryPeriod {
  const tet = tetDay(year);
  const lastMonthStart = tet - vietnamLunarCalendar.lunarOfDay(tet - 1).day;
  return {
    start: localMidnight(lastMonthStart + 22),
    end: localMidnight(tet + 10),
    label: `Cao điểm Tết Nguyên đán ${year} (23 tháng Chạp – mùng 10 tháng Giêng)`,
    kind: 'alert_period',
  };
}
