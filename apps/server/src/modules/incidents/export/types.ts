import type { IncidentReportKind } from '@khien/contracts';

/**
 * One statutory report of an incident case as it is printed: the fields as saved (Form03, FullReport,
 * PersonalDataNotice or ClosureReport by kind, unvalidated while drafting), the header and footer already
 * chosen by the caller.
 */
export interface IncidentReportDoc {
  kind: IncidentReportKind;
  /** "KH-2026-0042": the case the report belongs to. */
  incidentCode: string;
  /** The body above the issuer in the header; null to omit. */
  parentBody: string | null;
  /** The reporting org; upper-cased when printed. */
  issuingBody: string;
  place: string;
  /** The date printed under the motto, taken in Vietnam time. */
  date: Date;
  /** "Kính gửi". */
  recipients: string[];
  /** "Nơi nhận"; a "- Lưu: VT." line is added when none starts with "Lưu". */
  copiesTo: string[];
  signerTitle: string | null;
  signerName: string | null;
  fields: Record<string, unknown>;
  generatedAt: Date;
  /** Prints "MẬT" at the top left (form 03's confidentiality flag). */
  confidential: boolean;
  /** The statutory deadline and the clause behind it ("Điều 31 Nghị định 331/2026/NĐ-CP"); null for none. */
  deadline: { dueAt: Date; basis: string } | null;
}

/** A case as a workbook; every enum already in the reader's words (the caller passes Vietnamese). */
export interface IncidentCaseSheet {
  code: string;
  title: string;
  orgName: string;
  status: string;
  severity: string;
  category: string;
  detectedAt: Date;
  reportedAt: Date | null;
  packTitle: string;
  systems: { name: string; level: number | null }[];
  indicators: { type: string; value: string; note: string | null; addedAt: Date }[];
  timeline: { at: Date; actor: string; kind: string; comment: string | null }[];
  tasks: { title: string; orgName: string; dueAt: Date | null; status: string }[];
  reports: { kind: string; status: string; dueAt: Date | null; submittedAt: Date | null }[];
}

/** Bounds on what one report prints. */
export const INCIDENT_DOC_LIMITS = {
  /** Characters of one field: the longest the forms accept (a description), so nothing valid is cut. */
  field: 10_000,
  /** Paragraphs of one multi-line field. */
  paragraphs: 200,
  /** Rows of each sheet of the case workbook. */
  sheetRows: 100_000,
  /** Characters of one cell (Excel holds 32,767). */
  cell: 32_000,
} as const;
