import { stringify } from 'csv-stringify/sync';
import { COLUMNS, type TableKind } from './columns.js';

const TITLES: Record<TableKind, string> = { assets: 'Tài sản', systems: 'Hệ thống thông tin', ipspace: 'Dải IP' };
const EXAMPLES: Record<TableKind, Record<string, string>> = {
  assets: {
    name: 'Máy chủ cổng thông tin',
    kind: 'máy chủ',
    hostname: 'portal-01',
    ips: '203.0.113.10',
    os: 'Ubuntu',
    osVersion: '22.04',
    criticality: 'cao',
    avProduct: 'BKAV Endpoint',
    avLicensed: 'có',
    avManaged: 'có',
    firewallOn: 'có',
    lastPatchOn: '15/10/2026',
  },
  systems: {
    name: 'Cổng thông tin điện tử xã',
    category: 'cổng thông tin',
    purpose: 'Đăng tin, tiếp nhận phản ánh',
    userCount: '12000',
    internetFacing: 'có',
    hosting: 'trung tâm dữ liệu tỉnh',
  },
  ipspace: { range: '203.0.113.0/28', isp: 'VNPT', validFrom: '01/01/2026' },
};

/** The import template: the header row and one example row, CSV (UTF-8 with BOM for Excel) or XLSX with a guide sheet. */
export async function buildTemplate(kind: TableKind, format: 'csv' | 'xlsx'): Promise<{ data: Buffer; filename: string }> {
  const cols = COLUMNS[kind];
  const example = cols.map((c) => EXAMPLES[kind][c.key] ?? '');
  const base = `mau-nhap-${kind}`;
  if (format === 'csv') {
    return { data: Buffer.from(stringify([cols.map((c) => c.header), example], { bom: true, record_delimiter: 'windows' }), 'utf8'), filename: `${base}.csv` };
  }
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Khiên';
  const sheet = wb.addWorksheet(TITLES[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width, style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  sheet.addRow(example);
  const guide = wb.addWorksheet('Hướng dẫn');
  guide.columns = [{ width: 28 }, { width: 22 }, { width: 10 }, { width: 100 }];
  guide.addRow([`Hướng dẫn nhập ${TITLES[kind].toLowerCase()}`]).font = { bold: true, size: 14 };
  guide.addRow(['• Dòng 1 là tiêu đề cột: giữ tên cột (tiếng Việt như mẫu hoặc tên tiếng Anh); thứ tự cột tùy ý. Xóa dòng ví dụ trước khi nhập.']);
  guide.addRow([
    '• Khi nhập, chọn: nhập các dòng hợp lệ và báo dòng lỗi, hoặc từ chối cả tệp nếu có dòng lỗi. Nhập lại cùng tệp sẽ cập nhật, không tạo bản trùng.',
  ]);
  guide.addRow([]);
  const head = guide.addRow(['Cột', 'Tên tiếng Anh', 'Bắt buộc', 'Ý nghĩa']);
  head.font = { bold: true };
  for (const c of cols) guide.addRow([c.header, c.key, c.required ? 'Có' : 'Không', c.help]);
  guide.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
  return { data: Buffer.from(await wb.xlsx.writeBuffer()), filename: `${base}.xlsx` };
}
