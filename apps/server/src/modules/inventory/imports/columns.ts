import { ASSET_KINDS, CRITICALITIES, HOSTING_KINDS, SYSTEM_CATEGORIES } from '@khien/contracts';
import { headerKey } from './read-records.js';

export type TableKind = 'assets' | 'systems' | 'ipspace';

export interface ColumnSpec {
  key: string;
  /** Vietnamese header written in templates */
  header: string;
  /** other accepted headers (English keys, common variants); compared without diacritics, case or spaces */
  aliases: string[];
  required: boolean;
  help: string;
  width: number;
}

const col = (key: string, header: string, aliases: string[], required: boolean, help: string, width = 18): ColumnSpec => ({
  key,
  header,
  aliases,
  required,
  help,
  width,
});
const ORG_HELP = 'Mã hành chính hoặc tên đúng của đơn vị (trong phạm vi đơn vị được chọn khi nhập). Để trống: đơn vị được chọn.';
const YES_NO = 'có / không (yes / no)';

export const COLUMNS: Record<TableKind, ColumnSpec[]> = {
  assets: [
    col('name', 'Tên thiết bị', ['name', 'ten', 'ten tai san'], true, 'Tên gọi của máy hoặc thiết bị', 28),
    col(
      'kind',
      'Loại',
      ['kind', 'loai thiet bi', 'type'],
      true,
      `Một trong: ${ASSET_KINDS.join(', ')} (hoặc tiếng Việt: máy chủ, máy trạm, máy xách tay, thiết bị mạng, camera, bảng điện tử, khác)`,
    ),
    col('org', 'Đơn vị', ['org', 'don vi quan ly', 'org code', 'ma don vi'], false, ORG_HELP, 24),
    col('hostname', 'Tên máy (hostname)', ['hostname', 'host', 'ten may'], false, 'Tên máy trên mạng; dùng để nhận ra máy khi nhập lại'),
    col('serial', 'Số sê-ri', ['serial', 'so serial', 'serial number'], false, 'Số sê-ri phần cứng; dùng để nhận ra máy khi nhập lại'),
    col('location', 'Vị trí', ['location', 'vi tri dat'], false, 'Phòng, tầng, địa điểm'),
    col(
      'ips',
      'Địa chỉ IP',
      ['ip', 'ips', 'ip address', 'ip addresses', 'dia chi ip'],
      false,
      'Một hoặc nhiều địa chỉ IPv4/IPv6, cách nhau bởi dấu phẩy hoặc khoảng trắng',
      22,
    ),
    col('macs', 'Địa chỉ MAC', ['mac', 'macs', 'mac address'], false, 'Một hoặc nhiều địa chỉ MAC (aa:bb:cc:dd:ee:ff)', 22),
    col('os', 'Hệ điều hành', ['os', 'os name', 'he dieu hanh'], false, 'Ví dụ: Windows 11 Pro, Ubuntu'),
    col('osVersion', 'Phiên bản HĐH', ['os version', 'phien ban he dieu hanh'], false, 'Ví dụ: 23H2, 22.04'),
    col(
      'criticality',
      'Mức quan trọng',
      ['criticality', 'muc do quan trong'],
      false,
      `Một trong: ${CRITICALITIES.join(', ')} (thấp, trung bình, cao, rất cao); mặc định trung bình`,
    ),
    col('avProduct', 'Phần mềm diệt virus', ['antivirus', 'av', 'av product', 'phan mem phong chong ma doc'], false, 'Tên sản phẩm'),
    col('avLicensed', 'Có bản quyền', ['av licensed', 'licensed', 'ban quyen'], false, YES_NO),
    col('avManaged', 'Quản lý tập trung', ['av managed', 'managed', 'quan ly tap trung'], false, YES_NO),
    col('firewallOn', 'Tường lửa bật', ['firewall', 'firewall on', 'tuong lua'], false, YES_NO),
    col('lastPatchOn', 'Ngày vá gần nhất', ['last patch', 'last patch on', 'ngay cap nhat ban va'], false, 'dd/mm/yyyy'),
  ],
  systems: [
    col('name', 'Tên hệ thống', ['name', 'ten', 'ten he thong thong tin'], true, 'Tên hệ thống thông tin', 32),
    col('org', 'Đơn vị chủ quản', ['org', 'owner', 'chu quan', 'don vi'], false, ORG_HELP, 24),
    col('operator', 'Đơn vị vận hành', ['operator', 'van hanh'], false, 'Mã hoặc tên đơn vị vận hành (nếu khác chủ quản)', 24),
    col(
      'category',
      'Loại hệ thống',
      ['category', 'loai', 'phan loai'],
      true,
      `Một trong: ${SYSTEM_CATEGORIES.join(', ')} (hoặc: cổng thông tin, thư điện tử, quản lý văn bản, dịch vụ công, kết nối CSDL dân cư, mạng nội bộ, tài chính kế toán, camera giám sát, trung tâm dữ liệu, khác)`,
      24,
    ),
    col('purpose', 'Mục đích', ['purpose', 'muc dich su dung'], false, 'Hệ thống dùng để làm gì', 32),
    col('userCount', 'Số người dùng', ['users', 'user count', 'so nguoi su dung'], false, 'Số nguyên'),
    col(
      'personalDataSubjects',
      'Số chủ thể dữ liệu cá nhân',
      ['personal data subjects', 'du lieu ca nhan'],
      false,
      'Số người có dữ liệu cá nhân trong hệ thống',
    ),
    col('internetFacing', 'Kết nối Internet', ['internet facing', 'internet', 'ket noi internet'], false, YES_NO),
    col(
      'hosting',
      'Nơi đặt',
      ['hosting', 'noi dat he thong'],
      false,
      `Một trong: ${HOSTING_KINDS.join(', ')} (hoặc: tại đơn vị, trung tâm dữ liệu tỉnh, trung tâm dữ liệu quốc gia, điện toán đám mây, nhà cung cấp, khác)`,
    ),
    col('hostingProvider', 'Nhà cung cấp hạ tầng', ['hosting provider', 'provider', 'nha cung cap'], false, 'Tên nhà cung cấp (nếu có)'),
    col('notes', 'Ghi chú', ['notes', 'note'], false, '', 30),
  ],
  ipspace: [
    col('range', 'Dải IP', ['range', 'cidr', 'ip', 'ip range', 'dia chi ip'], true, 'Một địa chỉ, một CIDR (203.0.113.0/24) hoặc "đầu-cuối"', 26),
    col('org', 'Đơn vị', ['org', 'don vi su dung', 'ma don vi'], false, ORG_HELP, 24),
    col('isp', 'Nhà mạng', ['isp', 'nha cung cap dich vu', 'provider'], false, 'VNPT, Viettel, FPT…'),
    col('validFrom', 'Hiệu lực từ', ['valid from', 'tu ngay'], false, 'dd/mm/yyyy'),
    col('validTo', 'Hiệu lực đến', ['valid to', 'den ngay'], false, 'dd/mm/yyyy'),
    col('note', 'Ghi chú', ['note', 'notes'], false, '', 30),
  ],
};

/** Which column index holds which field; unknown headers are reported (and ignored), missing required ones refuse the file. */
export function mapHeader(kind: TableKind, header: string[]): { index: Map<string, number>; unknown: string[]; missing: ColumnSpec[] } {
  const byKey = new Map<string, string>();
  for (const c of COLUMNS[kind]) for (const h of [c.header, c.key, ...c.aliases]) byKey.set(headerKey(h), c.key);
  const index = new Map<string, number>();
  const unknown: string[] = [];
  header.forEach((h, i) => {
    if (h.trim() === '') return;
    const key = byKey.get(headerKey(h));
    if (key && !index.has(key)) index.set(key, i);
    else if (!key) unknown.push(h);
  });
  const missing = COLUMNS[kind].filter((c) => c.required && !index.has(c.key));
  return { index, unknown, missing };
}
