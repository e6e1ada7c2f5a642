import type { LunarDate } from './types.js';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed — never tabulated — from astronomy:
 *  - a month begins on the local day (UTC+07:00) that holds a new moon (Meeus, Astronomical
 *    Algorithms 2nd ed., ch. 49, with the periodic and planetary terms);
 *  - month 11 is the month that holds the December solstice (sun's apparent longitude 270°,
 *    Meeus ch. 25, low-accuracy series, ±0.01°);
 *  - when 13 months separate two months 11, the first of them with no major solar term (trung khí,
 *    a longitude multiple of 30°) is the leap month and takes the number of the month before it.
 * Vietnam's calendar differs from China's only by the meridian: a new moon between 23:00 and
 * 24:00 Beijing time falls a day earlier here (Tết 1985 and 2007). UTC+7 is used for every year,
 * also before 1968 when the official calendar still followed UTC+8 — documented, not modelled.
 */

const SYNODIC_MONTH = 29.530588861;
const RAD = Math.PI / 180;
/** The years the conversion answers for; outside, ΔT (Earth's rotation) is a guess and Gregorian dates are moot. */
export const LUNAR_MIN_YEAR = 1800;
export const LUNAR_MAX_YEAR = 2199;

/** Julian day number of a proleptic Gregorian date (the integer JD of its noon). */
export function julianDayNumber(y: number, m: number, d: number): number {
  // March-based year, so the leap day is the last day of the counting year
  const a = Math.floor((14 - m) / 12);
  const yy = y + 4800 - a;
  const mm = m + 12 * a - 3;
  return d + Math.floor((153 * mm + 2) / 5) + 365 * yy + Math.floor(yy / 4) - Math.floor(yy / 100) + Math.floor(yy / 400) - 32045;
}

export function fromJulianDayNumber(jdn: number): { y: number; m: number; d: number } {
  const a = jdn + 32044;
  const centuries = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * centuries) / 4);
  const years = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * years) / 4);
  const month = Math.floor((5 * e + 2) / 153);
  return {
    y: 100 * centuries + years - 4800 + Math.floor(month / 10),
    m: month + 3 - 12 * Math.floor(month / 10),
    d: e - Math.floor((153 * month + 2) / 5) + 1,
  };
}

export function daysInSolarMonth(y: number, m: number): number {
  return julianDayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - julianDayNumber(y, m, 1);
}

/** ΔT = TT − UT in seconds (Espenak & Meeus polynomials); a minute off moves a new moon by a minute. */
function deltaTSeconds(year: number): number {
  const longTerm = (y: number) => -20 + 32 * ((y - 1820) / 100) ** 2;
  if (year < 1800 || year >= 2150) return longTerm(year);
  if (year < 1860) {
    const t = year - 1800;
    return (
      13.72 -
      0.332447 * t +
      0.0068612 * t ** 2 +
      0.0041116 * t ** 3 -
      0.00037436 * t ** 4 +
      0.0000121272 * t ** 5 -
      0.0000001699 * t ** 6 +
      0.000000000875 * t ** 7
    );
  }
  if (year < 1900) {
    const t = year - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233174;
  }
  if (year < 1920) {
    const t = year - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (year < 1941) {
    const t = year - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (year < 1961) {
    const t = year - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (year < 1986) {
    const t = year - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (year < 2005) {
    const t = year - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (year < 2050) {
    const t = year - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  return longTerm(year) - 0.5628 * (2150 - year);
}

/** Decimal year of a Julian date, close enough to pick the ΔT polynomial. */
const yearOfJd = (jd: number) => 2000 + (jd - 2451545) / 365.25;

/** The k-th new moon after that of 6 January 2000 (k may be negative), as a Julian Ephemeris Day (TT). */
export function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t ** 2 - 0.00000015 * t ** 3 + 0.00000000073 * t ** 4;
  const e = 1 - 0.002516 * t - 0.0000074 * t ** 2;
  // mean anomalies of the sun (m) and the moon (mm), the moon's argument of latitude (f), its node (om)
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t ** 2 - 0.00000011 * t ** 3) * RAD;
  const mm = (201.5643 + 385.81693528 * k + 0.0107582 * t ** 2 + 0.00001238 * t ** 3 - 0.000000058 * t ** 4) * RAD;
  const f = (160.7108 + 390.67050284 * k - 0.0016118 * t ** 2 - 0.00000227 * t ** 3 + 0.000000011 * t ** 4) * RAD;
  const om = (124.7746 - 1.56375588 * k + 0.0020672 * t ** 2 + 0.00000215 * t ** 3) * RAD;
  const s = Math.sin;
  const periodic =
    -0.4072 * s(mm) +
    0.17241 * e * s(m) +
    0.01608 * s(2 * mm) +
    0.01039 * s(2 * f) +
    0.00739 * e * s(mm - m) -
    0.00514 * e * s(mm + m) +
    0.00208 * e * e * s(2 * m) -
    0.00111 * s(mm - 2 * f) -
    0.00057 * s(mm + 2 * f) +
    0.00056 * e * s(2 * mm + m) -
    0.00042 * s(3 * mm) +
    0.00042 * e * s(m + 2 * f) +
    0.00038 * e * s(m - 2 * f) -
    0.00024 * e * s(2 * mm - m) -
    0.00017 * s(om) -
    0.00007 * s(mm + 2 * m) +
    0.00004 * s(2 * mm - 2 * f) +
    0.00004 * s(3 * m) +
    0.00003 * s(mm + m - 2 * f) +
    0.00003 * s(2 * mm + 2 * f) -
    0.00003 * s(mm + m + 2 * f) +
    0.00003 * s(mm - m + 2 * f) -
    0.00002 * s(mm - m - 2 * f) -
    0.00002 * s(3 * mm + m) +
    0.00002 * s(4 * mm);
  // the planetary arguments A1…A14 with their amplitudes (days)
  const planetary: [number, number, number][] = [
    [299.77, 0.107408, 0.000325],
    [251.88, 0.016321, 0.000165],
    [251.83, 26.651886, 0.000164],
    [349.42, 36.412478, 0.000126],
    [84.66, 18.206239, 0.00011],
    [141.74, 53.303771, 0.000062],
    [207.14, 2.453732, 0.00006],
    [154.84, 7.30686, 0.000056],
    [34.52, 27.261239, 0.000047],
    [207.19, 0.121824, 0.000042],
    [291.34, 1.844379, 0.00004],
    [161.72, 24.198154, 0.000037],
    [239.56, 25.513099, 0.000035],
    [331.55, 3.592518, 0.000023],
  ];
  let additional = 0;
  planetary.forEach(([a0, a1, amp], i) => {
    const arg = a0 + a1 * k - (i === 0 ? 0.009173 * t ** 2 : 0);
    additional += amp * s(arg * RAD);
  });
  return jde + periodic + additional;
}

/** The sun's apparent geocentric longitude in degrees [0, 360) at a Julian Ephemeris Day. */
export function sunLongitude(jde: number): number {
  const t = (jde - 2451545) / 36525;
  const l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t ** 2;
  const m = (357.52911 + 35999.05029 * t - 0.0001537 * t ** 2) * RAD;
  const centre = (1.914602 - 0.004817 * t - 0.000014 * t ** 2) * Math.sin(m) + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
  const omega = (125.04 - 1934.136 * t) * RAD;
  // nutation and aberration, the low-accuracy way
  const lambda = l0 + centre - 0.00569 - 0.00478 * Math.sin(omega);
  return ((lambda % 360) + 360) % 360;
}

interface MonthEntry {
  start: number;
  month: number;
  leap: boolean;
  /** the lunar year it belongs to */
  year: number;
}

/** The months from the month 11 before solar year y's Tết up to (not including) the next month 11, whose first day is `end`. */
interface YearTable {
  months: MonthEntry[];
  end: number;
}

export interface LunarCalendar {
  solarToLunar(y: number, m: number, d: number): LunarDate;
  lunarToSolar(l: LunarDate): { y: number; m: number; d: number } | null;
  /** the lunar date of a local day number (Julian day number) */
  lunarOfDay(jdn: number): LunarDate;
  /** the local day number of a lunar date, or null */
  dayOfLunar(l: LunarDate): number | null;
  /** the number of lunar year y's leap month, or null in a common year */
  leapMonthOf(y: number): number | null;
}

function checkYear(y: number): void {
  if (!Number.isInteger(y) || y < LUNAR_MIN_YEAR || y > LUNAR_MAX_YEAR)
    throw new RangeError(`year ${y}: the lunar calendar is computed for ${LUNAR_MIN_YEAR}–${LUNAR_MAX_YEAR}`);
}

/**
 * The lunisolar calendar kept at a meridian: 7 for Vietnam; 8 gives China's, which the tests use
 * to show that the two differ only where a new moon falls in the hour between their midnights.
 */
export function createLunarCalendar(utcOffsetHours: number): LunarCalendar {
  const tzDays = utcOffsetHours / 24;
  const tables = new Map<number, YearTable>();

  /** The local day number of the k-th new moon. */
  const newMoonDay = (k: number) => {
    const jde = newMoonJde(k);
    const jdUt = jde - deltaTSeconds(yearOfJd(jde)) / 86400;
    // civil day jdn begins at JD jdn − 0.5 (UT midnight), moved back by the zone offset
    return Math.floor(jdUt + 0.5 + tzDays);
  };
  /** The sun's longitude at the local midnight that begins day jdn. */
  const longitudeAtDayStart = (jdn: number) => {
    const jdUt = jdn - 0.5 - tzDays;
    return sunLongitude(jdUt + deltaTSeconds(yearOfJd(jdUt)) / 86400);
  };
  /** Which 30° sector of major solar terms the sun is in when a day begins. */
  const termSector = (jdn: number) => Math.floor(longitudeAtDayStart(jdn) / 30);

  /** The lunation number of the month that holds the December solstice of solar year y. */
  const month11 = (y: number) => {
    const dec31 = julianDayNumber(y, 12, 31);
    let k = Math.floor((dec31 - 2451550.1) / SYNODIC_MONTH);
    while (newMoonDay(k + 1) <= dec31) k++;
    while (newMoonDay(k) > dec31) k--;
    // the next new moon is in January, after the solstice: step back until the month begins before it
    while (longitudeAtDayStart(newMoonDay(k)) >= 270) k--;
    return k;
  };

  const yearTable = (y: number): YearTable => {
    const cached = tables.get(y);
    if (cached) return cached;
    const first = month11(y - 1);
    const count = month11(y) - first;
    const starts = Array.from({ length: count + 1 }, (_, i) => newMoonDay(first + i));
    let leapAt = -1;
    if (count === 13) {
      // month 11 holds the solstice, a major term, so the search starts with the month after it
      for (let i = 1; i < count && leapAt < 0; i++) if (termSector(starts[i]!) === termSector(starts[i + 1]!)) leapAt = i;
      if (leapAt < 0) throw new Error(`lunar year ${y}: 13 months but none without a major term`);
    }
    const months: MonthEntry[] = [];
    let year = y - 1;
    for (let i = 0; i < count; i++) {
      const position = leapAt >= 0 && i >= leapAt ? i - 1 : i;
      const month = ((10 + position) % 12) + 1;
      const leap = i === leapAt;
      if (month === 1 && !leap) year = y;
      months.push({ start: starts[i]!, month, leap, year });
    }
    const table = { months, end: starts[count]! };
    tables.set(y, table);
    return table;
  };

  const lunarOfDay = (jdn: number): LunarDate => {
    const { y } = fromJulianDayNumber(jdn);
    checkYear(y);
    let table = yearTable(y);
    if (jdn >= table.end) table = yearTable(y + 1);
    let entry = table.months[0]!;
    for (const month of table.months) if (month.start <= jdn) entry = month;
    return { day: jdn - entry.start + 1, month: entry.month, year: entry.year, leap: entry.leap };
  };

  const dayOfLunar = (l: LunarDate): number | null => {
    if (!l || !Number.isInteger(l.month) || l.month < 1 || l.month > 12 || !Number.isInteger(l.day) || l.day < 1 || l.day > 30) return null;
    if (!Number.isInteger(l.year)) return null;
    // months 11 and 12 of lunar year L come after the month 11 of solar year L: table L + 1
    const tableYear = l.month >= 11 ? l.year + 1 : l.year;
    checkYear(tableYear);
    const table = yearTable(tableYear);
    const i = table.months.findIndex((e) => e.year === l.year && e.month === l.month && e.leap === Boolean(l.leap));
    if (i < 0) return null;
    const start = table.months[i]!.start;
    const next = table.months[i + 1]?.start ?? table.end;
    return l.day <= next - start ? start + l.day - 1 : null;
  };

  return {
    lunarOfDay,
    dayOfLunar,
    solarToLunar(y, m, d) {
      checkYear(y);
      if (!Number.isInteger(m) || m < 1 || m > 12 || !Number.isInteger(d) || d < 1 || d > daysInSolarMonth(y, m)) {
        throw new RangeError(`${d}/${m}/${y} is not a date`);
      }
      return lunarOfDay(julianDayNumber(y, m, d));
    },
    lunarToSolar(l) {
      const jdn = dayOfLunar(l);
      return jdn === null ? null : fromJulianDayNumber(jdn);
    },
    leapMonthOf(y) {
      checkYear(y);
      const inYear = [...yearTable(y).months, ...yearTable(y + 1).months].filter((e) => e.year === y);
      return inYear.find((e) => e.leap)?.month ?? null;
    },
  };
}

/** Vietnam's calendar, UTC+07:00. */
export const vietnamLunarCalendar = createLunarCalendar(7);

/** The lunar date of a local calendar day. Throws RangeError for a day that does not exist (31/02) or a year out of range. */
export function solarToLunar(y: number, m: number, d: number): LunarDate {
  return vietnamLunarCalendar.solarToLunar(y, m, d);
}

/** The solar date of a lunar date, or null when it does not exist (a 30th in a 29-day month, a leap month the year lacks). */
export function lunarToSolar(l: LunarDate): { y: number; m: number; d: number } | null {
  return vietnamLunarCalendar.lunarToSolar(l);
}

/** The local day number (Julian day number) of a Vietnamese lunar date, or null when it does not exist. */
export function dayOfLunar(l: LunarDate): number | null {
  return vietnamLunarCalendar.dayOfLunar(l);
}
