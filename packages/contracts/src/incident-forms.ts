import {
  CLOSURE_REQUIRED,
  FORM03_REQUIRED,
  FULL_REPORT_REQUIRED,
  PERSONAL_DATA_REQUIRED,
  type ClosureReport,
  type Form03,
  type FullReport,
  type PersonalDataNotice,
} from './incidents.js';

/**
 * The fields of the incident report forms in the order they are printed and filled, grouped by
 * section: form 03 "Báo cáo ban đầu sự cố mạng" of Circular 20/2017/TT-BTTTT, the full report,
 * the personal-data-breach notice and the closure report. The server's DOCX and the web's form
 * both render from these lists, so a label is written once.
 */
export interface IncidentFormField {
  key: string;
  section: { vi: string; en: string };
  label: { vi: string; en: string };
  input: 'line' | 'text' | 'datetime' | 'level' | 'boolean' | 'number';
  required: boolean;
}

type Draft<K extends string> = { key: K; section: { vi: string; en: string }; label: { vi: string; en: string }; input: IncidentFormField['input'] };
const s = (vi: string, en: string) => ({ vi, en });

const S_REPORTER = s('1. Thông tin người báo cáo', '1. Reporter');
const S_CONTACT = s('2. Người liên hệ', '2. Contact person');
const S_UNITS = s('3. Đơn vị vận hành, cơ quan chủ quản', '3. Operating unit and owner agency');
const S_SYSTEM = s('4. Hệ thống thông tin bị sự cố', '4. Affected information system');
const S_DESCRIPTION = s('5. Mô tả sơ bộ về sự cố', '5. Description of the incident');
const S_DETECTED = s('6. Thời điểm phát hiện sự cố', '6. When the incident was detected');
const S_STATUS = s('7. Tình trạng hiện tại của sự cố', '7. Current status');
const S_HOW = s('8. Cách thức phát hiện sự cố', '8. How it was detected');
const S_INFORMED = s('9. Đã thông báo sự cố cho', '9. Who has been informed');
const S_TECH = s('10. Thông tin về hệ thống', '10. About the system');
const S_ATTACHMENTS = s('11. Tài liệu kèm theo', '11. Attachments');
const S_SUPPORT = s('12. Đề nghị hỗ trợ và bảo mật thông tin', '12. Support request and confidentiality');

const FORM03: Draft<keyof Form03>[] = [
  { key: 'reporterName', section: S_REPORTER, label: s('Họ và tên', 'Name'), input: 'line' },
  { key: 'reporterAddress', section: S_REPORTER, label: s('Địa chỉ', 'Address'), input: 'line' },
  { key: 'reporterPhone', section: S_REPORTER, label: s('Điện thoại', 'Phone'), input: 'line' },
  { key: 'reporterEmail', section: S_REPORTER, label: s('Thư điện tử', 'E-mail'), input: 'line' },
  { key: 'contactName', section: S_CONTACT, label: s('Họ và tên', 'Name'), input: 'line' },
  { key: 'contactTitle', section: S_CONTACT, label: s('Chức vụ', 'Title'), input: 'line' },
  { key: 'contactPhone', section: S_CONTACT, label: s('Điện thoại', 'Phone'), input: 'line' },
  { key: 'contactEmail', section: S_CONTACT, label: s('Thư điện tử', 'E-mail'), input: 'line' },
  { key: 'operatorUnit', section: S_UNITS, label: s('Đơn vị vận hành hệ thống thông tin', 'Unit operating the system'), input: 'line' },
  { key: 'ownerAgency', section: S_UNITS, label: s('Cơ quan chủ quản', 'Owner agency'), input: 'line' },
  { key: 'systemName', section: S_SYSTEM, label: s('Tên hệ thống thông tin', 'System name'), input: 'line' },
  { key: 'systemDomain', section: S_SYSTEM, label: s('Tên miền', 'Domain'), input: 'line' },
  { key: 'systemIps', section: S_SYSTEM, label: s('Địa chỉ IP', 'IP addresses'), input: 'line' },
  { key: 'systemLevel', section: S_SYSTEM, label: s('Cấp độ an toàn hệ thống thông tin', 'Security level'), input: 'level' },
  { key: 'securityProvider', section: S_SYSTEM, label: s('Nhà cung cấp dịch vụ bảo đảm an toàn thông tin', 'Security-service provider'), input: 'line' },
  { key: 'connectivityProvider', section: S_SYSTEM, label: s('Nhà cung cấp dịch vụ kết nối', 'Connectivity provider'), input: 'line' },
  { key: 'description', section: S_DESCRIPTION, label: s('Mô tả sự cố', 'Description'), input: 'text' },
  { key: 'detectedAt', section: S_DETECTED, label: s('Ngày, giờ phát hiện', 'Date and time of detection'), input: 'datetime' },
  { key: 'currentStatus', section: S_STATUS, label: s('Tình trạng hiện tại', 'Current status'), input: 'text' },
  { key: 'howDetected', section: S_HOW, label: s('Cách thức phát hiện', 'How it was detected'), input: 'text' },
  { key: 'informed', section: S_INFORMED, label: s('Cơ quan, tổ chức đã được thông báo', 'Bodies already informed'), input: 'text' },
  { key: 'osVersion', section: S_TECH, label: s('Hệ điều hành, phiên bản', 'Operating system and version'), input: 'line' },
  { key: 'services', section: S_TECH, label: s('Các dịch vụ đang chạy trên hệ thống', 'Services on the system'), input: 'text' },
  { key: 'measures', section: S_TECH, label: s('Các biện pháp bảo đảm an toàn thông tin đang áp dụng', 'Security measures in place'), input: 'text' },
  { key: 'publicIps', section: S_TECH, label: s('Địa chỉ IP công khai của hệ thống', 'Public IP addresses'), input: 'text' },
  { key: 'publicDomains', section: S_TECH, label: s('Tên miền của hệ thống', 'Domains of the system'), input: 'text' },
  { key: 'purpose', section: S_TECH, label: s('Mục đích chính sử dụng hệ thống', 'Main purpose of the system'), input: 'text' },
  { key: 'attachments', section: S_ATTACHMENTS, label: s('Tài liệu, chứng cứ kèm theo', 'Attached documents and evidence'), input: 'text' },
  { key: 'supportRequest', section: S_SUPPORT, label: s('Đề nghị hỗ trợ xử lý sự cố', 'Support requested'), input: 'text' },
  { key: 'confidential', section: S_SUPPORT, label: s('Đề nghị giữ bí mật thông tin báo cáo', 'Keep this report confidential'), input: 'boolean' },
];

const S_LEARNT = s('13. Nguyên nhân, ảnh hưởng và kết quả xử lý', '13. Cause, impact and response');
const FULL_EXTRA: Draft<Exclude<keyof FullReport, keyof Form03>>[] = [
  { key: 'cause', section: S_LEARNT, label: s('Nguyên nhân sự cố', 'Cause'), input: 'text' },
  { key: 'impact', section: S_LEARNT, label: s('Mức độ ảnh hưởng, thiệt hại', 'Impact and damage'), input: 'text' },
  { key: 'actionsTaken', section: S_LEARNT, label: s('Các biện pháp đã xử lý, khắc phục', 'Actions taken'), input: 'text' },
  { key: 'recoveredAt', section: S_LEARNT, label: s('Thời điểm khôi phục hoạt động', 'Service restored at'), input: 'datetime' },
  { key: 'remainingRisk', section: S_LEARNT, label: s('Rủi ro còn lại, kiến nghị', 'Remaining risk, recommendations'), input: 'text' },
];

const S_CONTROLLER = s('1. Bên kiểm soát dữ liệu', '1. The controller');
const S_BREACH = s('2. Vi phạm', '2. The breach');
const S_RESPONSE = s('3. Biện pháp', '3. Measures');
const PERSONAL: Draft<keyof PersonalDataNotice>[] = [
  { key: 'controllerName', section: S_CONTROLLER, label: s('Tên tổ chức kiểm soát dữ liệu cá nhân', 'Data controller'), input: 'line' },
  { key: 'controllerContact', section: S_CONTROLLER, label: s('Người liên hệ, điện thoại, thư điện tử', 'Contact person, phone, e-mail'), input: 'line' },
  { key: 'protectionOfficer', section: S_CONTROLLER, label: s('Bộ phận, nhân sự bảo vệ dữ liệu cá nhân', 'Data protection officer or unit'), input: 'line' },
  { key: 'description', section: S_BREACH, label: s('Mô tả vi phạm', 'Description of the breach'), input: 'text' },
  { key: 'detectedAt', section: S_BREACH, label: s('Ngày, giờ phát hiện', 'Date and time of detection'), input: 'datetime' },
  { key: 'dataCategories', section: S_BREACH, label: s('Loại dữ liệu cá nhân bị ảnh hưởng', 'Categories of personal data'), input: 'text' },
  { key: 'subjectsAffected', section: S_BREACH, label: s('Số chủ thể dữ liệu bị ảnh hưởng', 'Data subjects affected'), input: 'number' },
  { key: 'recordsAffected', section: S_BREACH, label: s('Số bản ghi bị ảnh hưởng', 'Records affected'), input: 'number' },
  { key: 'likelyConsequences', section: S_BREACH, label: s('Hậu quả, thiệt hại có thể xảy ra', 'Likely consequences'), input: 'text' },
  { key: 'measures', section: S_RESPONSE, label: s('Biện pháp đã và sẽ thực hiện', 'Measures taken and planned'), input: 'text' },
  { key: 'subjectsInformed', section: S_RESPONSE, label: s('Việc thông báo cho chủ thể dữ liệu', 'How data subjects were informed'), input: 'text' },
];

const S_CLOSURE = s('Kết quả xử lý sự cố', 'Outcome of the response');
const CLOSURE: Draft<keyof ClosureReport>[] = [
  { key: 'cause', section: S_CLOSURE, label: s('Nguyên nhân sự cố', 'Cause'), input: 'text' },
  { key: 'impact', section: S_CLOSURE, label: s('Ảnh hưởng, thiệt hại', 'Impact'), input: 'text' },
  { key: 'actions', section: S_CLOSURE, label: s('Các biện pháp đã thực hiện', 'Actions taken'), input: 'text' },
  { key: 'lessons', section: S_CLOSURE, label: s('Bài học kinh nghiệm, kiến nghị', 'Lessons learnt, recommendations'), input: 'text' },
];

const mark = (fields: readonly Draft<string>[], required: readonly string[]): IncidentFormField[] =>
  fields.map((f) => ({ ...f, required: required.includes(f.key) }));

export const FORM03_FIELDS: readonly IncidentFormField[] = mark(FORM03, FORM03_REQUIRED);
export const FULL_REPORT_FIELDS: readonly IncidentFormField[] = mark([...FORM03, ...FULL_EXTRA], FULL_REPORT_REQUIRED);
export const PERSONAL_DATA_FIELDS: readonly IncidentFormField[] = mark(PERSONAL, PERSONAL_DATA_REQUIRED);
export const CLOSURE_FIELDS: readonly IncidentFormField[] = mark(CLOSURE, CLOSURE_REQUIRED);

/** The fields of a report kind: the initial notice and the 5-day report of Decision 05/2017 are form 03; the full report adds what was learnt. */
export function reportFields(kind: 'initial' | 'full' | 'five_day' | 'personal_data' | 'closure'): readonly IncidentFormField[] {
  return kind === 'full' ? FULL_REPORT_FIELDS : kind === 'personal_data' ? PERSONAL_DATA_FIELDS : kind === 'closure' ? CLOSURE_FIELDS : FORM03_FIELDS;
}
