/** A directive (công văn) as it is printed: every field already validated, statuses already in Vietnamese. */
export interface DispatchDoc {
  /** The body above the issuer, e.g. "BỘ CÔNG AN" above "CÔNG AN TỈNH ĐIỆN BIÊN"; null to omit (UBND letters have none). */
  parentBody: string | null;
  /** Upper-cased when printed. */
  issuingBody: string;
  /** "1082/UBND-CA"; null or "/UBND-HC" prints a blank for the number, to be filled in by the clerk. */
  number: string | null;
  place: string | null;
  /** ISO yyyy-mm-dd; null prints "ngày    tháng    năm 20…". */
  date: string | null;
  /** The date as written when it is incomplete ("ngày   tháng 01 năm 2024"): its parts are kept, the rest left blank. */
  dateText?: string | null;
  /** Without the "V/v " prefix. */
  subject: string;
  /** "Kính gửi": one goes on the same line, several one per line. */
  recipients: string[];
  /** Paragraphs separated by \n. */
  preamble: string;
  sections: { heading: string; tasks: string[] }[];
  closing: string;
  /** authority may hold several lines separated by \n ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"). */
  signer: { authority: string | null; title: string | null; name: string | null };
  /** "Nơi nhận"; a "- Lưu: VT." line is added when none starts with "Lưu". */
  copiesTo: string[];
}

export interface ReportSummary {
  recipients: number;
  acknowledged: number;
  submitted: number;
  accepted: number;
  overdue: number;
  tasksDone: number;
  tasksTotal: number;
}

export interface ReportGroup {
  label: string;
  recipients: number;
  accepted: number;
  overdue: number;
  tasksDone: number;
  tasksTotal: number;
}

export interface ReportRecipient {
  orgName: string;
  status: string;
  tasks: { text: string; status: string; report: string }[];
}

/** The consolidated implementation report ("Báo cáo kết quả thực hiện Công văn số …"). */
export interface ReportDoc {
  header: Omit<DispatchDoc, 'sections' | 'preamble' | 'closing' | 'recipients'> & { recipients: string[] };
  /** "Công văn số 1082/UBND-CA ngày 05/3/2026 của UBND phường Mường Lay về …" */
  directiveRef: string;
  summary: ReportSummary;
  /** By commune or by kind of organisation. */
  byGroup: ReportGroup[];
  perRecipient: ReportRecipient[];
  notAcknowledged: string[];
  /** ISO timestamp; printed in Vietnam time (UTC+7). */
  generatedAt: string;
}

/** One task of a recipient's report, its status already in Vietnamese. */
export interface AssignmentReportTask {
  section: string;
  text: string;
  /** how it is counted in the tally */
  outcome: 'done' | 'not_done' | 'not_applicable' | 'open';
  /** the status as printed ("Đã hoàn thành") */
  status: string;
  report: string;
  /** why not done / not applicable */
  reason: string | null;
  evidence: number;
  /** relayed to the org's own units: how they answered (null: not relayed) */
  units?: { units: number; done: number; notDone: number; notApplicable: number; open: number; notDoneNames: string[]; openNames: string[] } | null;
}

/**
 * One recipient's own report on the directive it received, addressed to the issuer: its "Kính gửi"
 * and "Nơi nhận" are the issuing org (and the archive), never the directive's list of recipients.
 */
export interface AssignmentReportDoc {
  /** The reporting org's parent, above it in the header; null to omit. */
  parentBody: string | null;
  /** The reporting org (the recipient). */
  issuingBody: string;
  place: string | null;
  /** ISO yyyy-mm-dd. */
  date: string;
  /** "Công văn số 1082/UBND-CA ngày 05/3/2026 của UBND phường Mường Lay về …" */
  directiveRef: string;
  directiveNumber: string | null;
  /** The org that issued the directive: to whom the report goes. */
  issuerName: string;
  tasks: AssignmentReportTask[];
  /** the org's relays to its own units ("Công văn số 12/UBND-VP", 14 units); empty when it relayed nothing */
  relays?: { number: string | null; units: number }[];
  /** ISO timestamp; printed in Vietnam time (UTC+7). */
  generatedAt: string;
}

/**
 * Bounds on what goes into a file. The builders get validated data, but a directive sent to every
 * organisation of a province has thousands of recipients: a printed page keeps the first ones and says
 * how many are left out, the spreadsheet keeps (nearly) everything.
 */
export const LIMITS = {
  /** Characters of one printed string (a task, a paragraph, a name). */
  text: 8_000,
  /** Characters of one report text in the DOCX table; the XLSX keeps up to `cell`. */
  reportInDocx: 1_500,
  /** Excel's own limit is 32,767 characters a cell. */
  cell: 32_000,
  /** Lines of "Kính gửi" and of "Nơi nhận". */
  addressLines: 40,
  preambleParagraphs: 50,
  sections: 50,
  tasksPerSection: 100,
  /** Rows of the table by commune or kind in the DOCX. */
  groupRows: 1_000,
  /** Rows of the per-organisation table in the DOCX. */
  recipientRows: 2_000,
  /** Names listed under "III. Đơn vị chưa xác nhận" in the DOCX. */
  notAcknowledgedLines: 500,
  /** Rows of the "Theo đơn vị" sheet (recipient × task). */
  sheetRows: 200_000,
} as const;
