/**
 * The statutory clock of an incident, from the regulation pack's `incidentReporting` (data, not
 * code): which reports the case owes and by when. Deadlines are exact instants — detection plus
 * the hours the rule gives — never working days: an incident does not wait for Monday.
 */
export type IncidentSeverityLike = 'critical' | 'high' | 'medium' | 'low';
export type DeadlineKind = 'initial' | 'full' | 'five_day' | 'personal_data';

export interface IncidentRulesLike {
  initialNoticeHours?: number | null | undefined;
  fullReportHours?: number | null | undefined;
  deadlineDays?: number | null | undefined;
  personalDataBreachHours?: number | null | undefined;
  personalDataBreachMark?: string | undefined;
  seriousWhen?: { minLevel?: number | undefined; severities?: readonly string[] | undefined; mark: string } | undefined;
  mark: string;
}

export interface IncidentDeadline {
  kind: DeadlineKind;
  dueAt: Date;
  hours: number;
  /** due at detection: report at once (national security) */
  immediate: boolean;
  basis: { vi: string; en: string };
  mark: string;
}

const HOUR = 3_600_000;

/**
 * The reports a case owes under `rules` and their deadlines, earliest first: the initial notice and the
 * full report of a serious incident (Decree 331/2026), the 5-day report of the older rules (Decision
 * 05/2017) and the personal-data-breach notice (Law 91/2025). A rule the pack leaves null is not owed.
 */
export function incidentDeadlines(
  rules: IncidentRulesLike,
  input: { detectedAt: Date; serious: boolean; personalData: boolean; nationalSecurity: boolean },
): IncidentDeadline[] {
  const at = input.detectedAt.getTime();
  if (!Number.isFinite(at)) throw new RangeError('detectedAt is not a date');
  const out: IncidentDeadline[] = [];
  const add = (kind: DeadlineKind, hours: number, basis: { vi: string; en: string }, mark: string, immediate = false) =>
    out.push({ kind, hours: immediate ? 0 : hours, dueAt: new Date(at + (immediate ? 0 : hours) * HOUR), immediate, basis, mark });
  // a threat to national security is reported at once, so it owes the serious-incident reports even if nobody ticked "serious"
  const serious = input.serious || input.nationalSecurity;
  if (serious && rules.initialNoticeHours != null) {
    const h = rules.initialNoticeHours;
    if (input.nationalSecurity)
      add(
        'initial',
        h,
        {
          vi: 'Nghị định 331/2026/NĐ-CP, Điều 31: sự cố đe dọa an ninh quốc gia phải thông báo ngay lập tức',
          en: 'Decree 331/2026/NĐ-CP, Art. 31: an incident threatening national security is notified at once',
        },
        rules.mark,
        true,
      );
    else
      add(
        'initial',
        h,
        { vi: `Nghị định 331/2026/NĐ-CP, Điều 31: thông báo ban đầu trong ${h} giờ`, en: `Decree 331/2026/NĐ-CP, Art. 31: initial notice within ${h} hours` },
        rules.mark,
      );
  }
  if (serious && rules.fullReportHours != null) {
    const h = rules.fullReportHours;
    add(
      'full',
      h,
      { vi: `Nghị định 331/2026/NĐ-CP, Điều 31: báo cáo đầy đủ trong ${h} giờ`, en: `Decree 331/2026/NĐ-CP, Art. 31: full report within ${h} hours` },
      rules.mark,
    );
  }
  if (rules.deadlineDays != null) {
    const d = rules.deadlineDays;
    add(
      'five_day',
      d * 24,
      { vi: `Quyết định 05/2017/QĐ-TTg: báo cáo sự cố trong ${d} ngày`, en: `Decision 05/2017/QĐ-TTg: incident report within ${d} days` },
      rules.mark,
    );
  }
  if (input.personalData && rules.personalDataBreachHours != null) {
    const h = rules.personalDataBreachHours;
    add(
      'personal_data',
      h,
      {
        vi: `Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15: thông báo vi phạm trong ${h} giờ`,
        en: `Personal Data Protection Law 91/2025/QH15: breach notice within ${h} hours`,
      },
      rules.personalDataBreachMark ?? rules.mark,
    );
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.kind.localeCompare(b.kind));
}

/**
 * Whether a case is proposed as serious: its most important system's level or its severity, as the
 * pack's `seriousWhen` says. Without that field only a critical case is proposed. The officer decides.
 */
export function proposeSerious(
  rules: Pick<IncidentRulesLike, 'seriousWhen'>,
  input: { severity: IncidentSeverityLike; maxSystemLevel: number | null },
): boolean {
  const w = rules.seriousWhen;
  if (!w) return input.severity === 'critical';
  if (w.minLevel !== undefined && input.maxSystemLevel !== null && input.maxSystemLevel >= w.minLevel) return true;
  return (w.severities ?? []).includes(input.severity);
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const SKEW_MS = 5 * 60_000;

/** A detection time: ISO 8601 with its offset, not in the future (5 min of clock skew), not before `notBefore` (or 2000). */
export function checkDetectedAt(
  value: string,
  opts: { now: Date; notBefore: Date | null },
): { ok: true; at: Date } | { ok: false; code: 'detected_at_invalid' | 'detected_at_future' | 'detected_at_too_early' } {
  const text = value.trim();
  if (!ISO_WITH_OFFSET.test(text)) return { ok: false, code: 'detected_at_invalid' };
  const at = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  // 31/02 is no date, though Date would roll it over to March
  if (Number.isNaN(at.getTime()) || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return { ok: false, code: 'detected_at_invalid' };
  if (at.getTime() > opts.now.getTime() + SKEW_MS) return { ok: false, code: 'detected_at_future' };
  if (at.getTime() < (opts.notBefore?.getTime() ?? EARLIEST)) return { ok: false, code: 'detected_at_too_early' };
  return { ok: true, at };
}
