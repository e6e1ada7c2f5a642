import type { DutyImportResultSchema } from '@khien/contracts';
import type { z } from 'zod';
import { parseICalendar, rowsToAssignments, shiftsToICalendar, shiftsToRows, type Shift } from '@khien/formats';
import type { Db } from '../../platform/db/client.js';
import { domainError } from '../../platform/errors.js';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/policy.js';
import { escapeFormula, OrgImportRefusedError, readXlsx } from '../orgs/index.js';
import { findPeople, findRosterPeople, insertOverrides } from './duty.repo.js';
import { MAX_CALENDAR_DAYS, orgShifts, visibleOrg } from './duty.service.js';

type ImportResult = z.infer<typeof DutyImportResultSchema>;
const DAY = 86_400_000;
export const MAX_ROSTER_FILE_BYTES = 5 * 1024 * 1024;
const HEADERS = ['Ngày', 'Từ', 'Đến', 'Người trực', 'Ghi chú'];

async function shiftsOf(
  db: Db,
  orgId: string,
  from: Date,
  to: Date,
): Promise<{ shifts: Shift[]; names: Record<string, string>; emails: Record<string, string> }> {
  const { shifts } = await orgShifts(db, orgId, from, to);
  const people = await findPeople(
    db,
    shifts.flatMap((s) => [s.userId, s.originalUserId]),
  );
  return {
    shifts,
    names: Object.fromEntries([...people].map(([id, p]) => [id, p.full_name])),
    emails: Object.fromEntries([...people].map(([id, p]) => [id, p.email])),
  };
}

function range(from: Date, to: Date): void {
  if (to <= from) throw domainError('VALIDATION_FAILED', 'duty_range_empty', 'the range ends before it starts');
  if (to.getTime() - from.getTime() > 6 * MAX_CALENDAR_DAYS * DAY) {
    throw domainError('VALIDATION_FAILED', 'duty_range_too_long', `at most ${6 * MAX_CALENDAR_DAYS} days at a time`, { days: 6 * MAX_CALENDAR_DAYS });
  }
}

export async function exportRosterIcs(
  db: Db,
  actor: Actor,
  orgId: string,
  from: Date,
  to: Date,
  uidDomain: string,
): Promise<{ data: string; filename: string }> {
  const org = await visibleOrg(db, actor, orgId, 'duty:read');
  range(from, to);
  const { shifts, names, emails } = await shiftsOf(db, orgId, from, to);
  // each shift names its person by e-mail too (ATTENDEE), so the file comes back in without guessing by name
  return { data: shiftsToICalendar(shifts, { calendarName: `Lịch trực — ${org.name}`, names, emails, uidDomain }), filename: 'lich-truc.ics' };
}

export async function exportRosterXlsx(db: Db, actor: Actor, orgId: string, from: Date, to: Date): Promise<{ data: Buffer; filename: string }> {
  const org = await visibleOrg(db, actor, orgId, 'duty:read');
  range(from, to);
  const { shifts, names } = await shiftsOf(db, orgId, from, to);
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Khiên';
  const sheet = workbook.addWorksheet('Lịch trực', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.addRow([`Lịch trực 24/7 — ${org.name}`]).font = { bold: true, size: 13 };
  const header = sheet.addRow(HEADERS);
  header.font = { bold: true };
  sheet.columns = [{ width: 14 }, { width: 8 }, { width: 8 }, { width: 32 }, { width: 40 }].map((c) => ({ ...c, style: { numFmt: '@' } }));
  // every value a string: no formulas, so nothing runs when the file is opened
  for (const r of shiftsToRows(shifts, names)) sheet.addRow([r.date, r.from, r.to, escapeFormula(r.person), escapeFormula(r.note)]);
  return { data: Buffer.from(await workbook.xlsx.writeBuffer()), filename: 'lich-truc.xlsx' };
}

/** Excel keeps times as day fractions or as dates on 30/12/1899; people type "7:30". */
function timeText(v: string, numeric: boolean): string {
  if (numeric && Number(v) >= 0 && Number(v) < 1) {
    const minutes = Math.round(Number(v) * 1440);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  const iso = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})/.exec(v);
  return iso ? `${iso[1]}:${iso[2]}` : v;
}
function dateText(v: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : v;
}

/**
 * A roster file (XLSX with the export's columns, or iCalendar) → overrides that put each named
 * person on duty for the period. A dry run lists every problem of every row and writes nothing;
 * the real run writes all rows or none.
 */
export async function importRoster(
  db: Db,
  actor: Actor,
  orgId: string,
  file: { data: Buffer; filename: string },
  dryRun: boolean,
  audit: AuditContext,
): Promise<ImportResult> {
  const org = await visibleOrg(db, actor, orgId, 'duty:write');
  if (file.data.length > MAX_ROSTER_FILE_BYTES) throw domainError('PAYLOAD_TOO_LARGE', 'file_too_large', 'the file is over 5 MB', { limitMb: 5 });
  const isIcs = /\.ics$/i.test(file.filename) || file.data.subarray(0, 64).toString('utf8').includes('BEGIN:VCALENDAR');
  const problems: ImportResult['problems'] = [];
  let wanted: { row: number; start: Date; end: Date; person: string; note: string }[] = [];
  if (isIcs) {
    const parsed = parseICalendar(file.data.toString('utf8'));
    problems.push(...parsed.problems.map((p) => ({ row: p.line, column: 'ics', code: p.code, message: p.message })));
    wanted = parsed.events.map((e, i) => ({ row: i + 1, start: e.start, end: e.end, person: e.attendees[0] ?? e.summary, note: e.description }));
  } else {
    let table;
    try {
      table = await readXlsx(file.data);
    } catch (err) {
      if (err instanceof OrgImportRefusedError) throw domainError('VALIDATION_FAILED', 'duty_file_unreadable', err.text.en, {}, { message: err.text });
      throw err;
    }
    // the export's title line and header are skipped: data starts after the row whose first cell is "Ngày"
    const headerAt = table.rows.findIndex((r) => /^ng[aà]y$/i.test(r.cells[0]?.text.trim() ?? ''));
    const rows = table.rows.slice(headerAt + 1).map((r) => ({
      row: r.row,
      date: dateText(r.cells[0]?.text ?? ''),
      from: timeText(r.cells[1]?.text ?? '', r.cells[1]?.numeric ?? false),
      to: timeText(r.cells[2]?.text ?? '', r.cells[2]?.numeric ?? false),
      person: r.cells[3]?.text ?? '',
      note: r.cells[4]?.text ?? '',
    }));
    const read = rowsToAssignments(rows);
    problems.push(...read.problems);
    wanted = read.assignments;
  }
  // a person is named by e-mail or by full name, as in the export; one of the org's own people
  const people = await findRosterPeople(db, orgId);
  const byKey = new Map<string, string[]>();
  for (const p of people)
    for (const k of [p.email.toLowerCase(), `mailto:${p.email.toLowerCase()}`, p.full_name.trim().toLowerCase()]) byKey.set(k, [...(byKey.get(k) ?? []), p.id]);
  const rows: { orgId: string; rotationId: null; start: Date; end: Date; userId: string; replacesUserId: null; reason: string }[] = [];
  for (const w of wanted) {
    const ids = [...new Set(byKey.get(w.person.trim().toLowerCase()) ?? [])];
    if (ids.length !== 1) {
      problems.push({
        row: w.row,
        column: 'person',
        code: ids.length ? 'person_ambiguous' : 'person_unknown',
        message: ids.length
          ? {
              vi: `Có ${ids.length} người cùng tên "${w.person}": ghi e-mail thay cho tên`,
              en: `${ids.length} people are named "${w.person}": give the e-mail instead`,
            }
          : { vi: `"${w.person}" không phải cán bộ của đơn vị này`, en: `"${w.person}" is not one of this org's people` },
      });
      continue;
    }
    rows.push({
      orgId,
      rotationId: null,
      start: w.start,
      end: w.end,
      userId: ids[0]!,
      replacesUserId: null,
      reason: w.note.slice(0, 500) || 'Nhập từ tệp lịch trực',
    });
  }
  if (dryRun || problems.length) return { dryRun: dryRun || problems.length > 0, created: 0, problems };
  await db.transaction(async (tx) => {
    await insertOverrides(tx, rows, actor.userId);
    await recordAudit(tx, audit, {
      action: 'duty.roster_imported',
      entityType: 'org',
      entityId: orgId,
      orgId,
      orgPath: org.path,
      after: { filename: file.filename.slice(0, 200), shifts: rows.length },
    });
  });
  return { dryRun: false, created: rows.length, problems: [] };
}
