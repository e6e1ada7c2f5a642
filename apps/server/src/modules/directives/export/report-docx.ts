import { type FileChild } from 'docx';
import { borderedTable, type BorderedTableInput, type CellSpec } from './bordered-table.js';
import { formatNumberLine, formatTimestampVi, formatVietnameseDateLine } from './date-line.js';
import { bodyPara, footerTable, headerTable, packDocument, para, recipientsBlock, ruleParagraph, run, TEXT_WIDTH } from './layout.js';
import { cleanLine, cleanText, dashList, formatCount, formatPercent, withEndMark } from './text.js';
import { textWidthPt, TWIPS_PER_PT } from './text-width.js';
import { LIMITS, type ReportDoc, type ReportGroup, type ReportRecipient, type ReportSummary } from './types.js';

const n = (value: number): string => formatCount(value);

/** The summary figures told in sentences, as a report states them. */
export function summarySentences(s: ReportSummary): string[] {
  const notAcknowledged = Math.max(0, s.recipients - s.acknowledged);
  return [
    `Công văn được gửi đến ${n(s.recipients)} cơ quan, đơn vị; đã có ${n(s.acknowledged)} đơn vị xác nhận đã nhận (đạt ${formatPercent(s.acknowledged, s.recipients)}), ` +
      `${n(notAcknowledged)} đơn vị chưa xác nhận.`,
    `Có ${n(s.submitted)} đơn vị đã gửi báo cáo kết quả thực hiện (đạt ${formatPercent(s.submitted, s.recipients)}), trong đó ${n(s.accepted)} báo cáo đã được chấp nhận; ` +
      `${n(s.overdue)} đơn vị quá hạn báo cáo.`,
    `Các đơn vị đã hoàn thành ${n(s.tasksDone)}/${n(s.tasksTotal)} lượt nhiệm vụ được giao (đạt ${formatPercent(s.tasksDone, s.tasksTotal)}).`,
  ];
}

// STT | nhóm | số đơn vị | được chấp nhận | quá hạn | nhiệm vụ hoàn thành | tỷ lệ
const GROUP_WIDTHS = [680, 2722, 1134, 1276, 1134, 1418, 991];

export function groupTable(groups: readonly ReportGroup[], total: ReportSummary): BorderedTableInput {
  const figures = (g: Omit<ReportGroup, 'label'>): CellSpec[] => [
    { text: n(g.recipients), align: 'center' },
    { text: n(g.accepted), align: 'center' },
    { text: n(g.overdue), align: 'center' },
    { text: `${n(g.tasksDone)}/${n(g.tasksTotal)}`, align: 'center' },
    { text: formatPercent(g.tasksDone, g.tasksTotal), align: 'center' },
  ];
  return {
    widths: GROUP_WIDTHS,
    header: ['STT', 'Địa bàn, nhóm đơn vị', 'Số đơn vị', 'Được chấp nhận', 'Quá hạn', 'Nhiệm vụ hoàn thành', 'Tỷ lệ'],
    rows: [
      ...groups.slice(0, LIMITS.groupRows).map((g, i) => ({
        cells: [{ text: String(i + 1), align: 'center' as const }, { text: cleanLine(g.label, 300) }, ...figures(g)],
      })),
      { cells: [{ text: '' }, { text: 'Tổng cộng' }, ...figures(total)], bold: true },
    ],
  };
}

// STT | đơn vị | nhiệm vụ | trạng thái | kết quả báo cáo
const RECIPIENT_WIDTHS = [680, 2126, 2439, 1418, 2692];

/** Rows of the per-organisation table: one per recipient × task, the organisation's cells merged down its tasks, at most `maxRows`. */
export function recipientTable(recipients: readonly ReportRecipient[], maxRows: number): { table: BorderedTableInput; rows: number; totalRows: number } {
  const totalRows = recipients.reduce((sum, r) => sum + Math.max(1, r.tasks.length), 0);
  const rows: BorderedTableInput['rows'] = [];
  for (const [index, r] of recipients.entries()) {
    if (rows.length >= maxRows) break;
    const tasks = r.tasks.length ? r.tasks : [{ text: '—', status: '', report: '' }];
    const shown = tasks.slice(0, maxRows - rows.length);
    const org: CellSpec[] = [
      { text: String(index + 1), align: 'center', rowSpan: shown.length },
      { text: [cleanLine(r.orgName, 300), cleanLine(r.status, 100)], noteLines: true, rowSpan: shown.length },
    ];
    shown.forEach((t, i) => {
      const task: CellSpec[] = [
        { text: cleanLine(t.text, 1_000) },
        { text: cleanLine(t.status, 100), align: 'center' },
        { text: cleanText(t.report, LIMITS.reportInDocx).replace(/\s+/g, ' ') },
      ];
      rows.push(i === 0 ? { cells: [...org, ...task] } : { cells: task, columns: [2, 3, 4] });
    });
  }
  return {
    table: { widths: RECIPIENT_WIDTHS, header: ['STT', 'Đơn vị', 'Nhiệm vụ', 'Trạng thái', 'Kết quả báo cáo'], rows },
    rows: rows.length,
    totalRows,
  };
}

/** The line under "BÁO CÁO": without a repeated "Báo cáo" or "V/v", starting with a capital ("Kết quả thực hiện …"). */
export function reportSubject(subject: string): string {
  const text = cleanLine(subject, 1_000).replace(/^(v\/v|về việc|báo cáo)\s*:?\s*/iu, '');
  return text.charAt(0).toLocaleUpperCase('vi-VN') + text.slice(1);
}

function heading(text: string): FileChild {
  return bodyPara([run(text, { bold: true })], { keepNext: true, before: 120 });
}

/** "BÁO CÁO", the subject under it and the short rule: the title of a named document. */
export function titleBlock(subject: string): FileChild[] {
  const available = TEXT_WIDTH - 2 * 720;
  const width = Math.min(available, textWidthPt(subject, 14, true) * TWIPS_PER_PT);
  return [
    para('BÁO CÁO', { align: 'center', size: 14, bold: true, before: 360, keepNext: true }),
    para(subject, { align: 'center', size: 14, bold: true, indentLeft: 720, indentRight: 720, keepNext: true }),
    // named documents carry a rule a third to a half as long as the summary line under their title
    ruleParagraph(Math.round(width * 0.4), TEXT_WIDTH, 120),
  ];
}

/** The consolidated implementation report as a DOCX file, in the Decree 30 layout of a báo cáo. */
export async function buildReportDocx(r: ReportDoc): Promise<Buffer> {
  const subject = reportSubject(r.header.subject);
  const children: FileChild[] = [
    headerTable({
      parentBody: r.header.parentBody,
      issuingBody: r.header.issuingBody,
      numberLine: formatNumberLine(r.header.number),
      subjectLine: null,
      dateLine: formatVietnameseDateLine(r.header.place, r.header.date),
    }),
    ...titleBlock(subject),
    ...recipientsBlock(r.header.recipients),
    bodyPara(`Thực hiện ${cleanLine(r.directiveRef, 1_000)}, kết quả triển khai thực hiện (số liệu tổng hợp đến ${formatTimestampVi(r.generatedAt)}) như sau:`),
    heading('I. Tình hình triển khai'),
    ...summarySentences(r.summary).map((s) => bodyPara(s)),
  ];

  if (r.byGroup.length) {
    children.push(bodyPara('Kết quả theo địa bàn, nhóm đơn vị:', { keepNext: true }), borderedTable(groupTable(r.byGroup, r.summary)));
    if (r.byGroup.length > LIMITS.groupRows) {
      children.push(
        bodyPara(`Bảng trên liệt kê ${n(LIMITS.groupRows)}/${n(r.byGroup.length)} nhóm; số liệu đầy đủ xem tại tệp Excel kèm theo.`, { italics: true }),
      );
    }
  }

  children.push(heading('II. Kết quả theo đơn vị'));
  const perRecipient = recipientTable(r.perRecipient, LIMITS.recipientRows);
  if (perRecipient.rows === 0) {
    children.push(bodyPara('Chưa có đơn vị nào được giao thực hiện.'));
  } else {
    if (perRecipient.rows < perRecipient.totalRows) {
      children.push(
        bodyPara(
          `Bảng dưới đây chỉ liệt kê ${n(perRecipient.rows)} dòng đầu tiên trên tổng số ${n(perRecipient.totalRows)} dòng (đơn vị × nhiệm vụ); ` +
            'danh sách đầy đủ xem tại tệp Excel kèm theo.',
          { italics: true, keepNext: true },
        ),
      );
    }
    children.push(borderedTable(perRecipient.table));
  }

  children.push(heading('III. Đơn vị chưa xác nhận'));
  const names = r.notAcknowledged.map((x) => cleanLine(x, 300)).filter(Boolean);
  if (names.length === 0) {
    children.push(bodyPara(withEndMark('Tất cả các đơn vị đã xác nhận đã nhận Công văn'), { keepNext: true }));
  } else {
    children.push(bodyPara(`Đến thời điểm tổng hợp, còn ${n(names.length)} đơn vị chưa xác nhận đã nhận Công văn:`, { keepNext: true }));
    const lines = dashList(names, LIMITS.notAcknowledgedLines, (rest) => `Và ${n(rest)} đơn vị khác (xem tệp Excel kèm theo)`);
    lines.forEach((line, i) => children.push(bodyPara(i === lines.length - 1 ? withEndMark(line) : line, { keepNext: i === lines.length - 1 })));
  }

  children.push(para('', { size: 6, keepNext: true }), footerTable(r.header.signer, r.header.copiesTo));
  return packDocument(children, { title: `Báo cáo ${subject}`, description: formatNumberLine(r.header.number) });
}
