import type ExcelJS from 'exceljs';
import { ORG_KINDS } from '@khien/contracts';
import { ORG_COLUMNS } from './columns.js';
import { MAX_IMPORT_ROWS } from './limits.js';
import { ORG_KIND_LABELS } from './org-kinds.js';
import { GUIDE_SHEET_NAME } from './read-xlsx.js';

const NOTES = [
  'Trang tính đầu tiên chứa danh sách đơn vị. Dòng 1 là tiêu đề cột: giữ nguyên tên cột; thứ tự cột tùy ý.',
  'Tên cột viết tiếng Việt như mẫu hoặc tiếng Anh (name, short_name, kind, admin_code, parent_admin_code, parent_path, contact_name, contact_role, contact_phone, contact_email, hotline_24_7).',
  'Mỗi dòng là một đơn vị với tối đa một người liên hệ. Đơn vị có nhiều người liên hệ: lặp lại dòng của đơn vị, mỗi dòng một người.',
  'Đơn vị cha phải có sẵn trong hệ thống hoặc nằm ở một dòng phía trên trong cùng tệp.',
  'Dòng trống được bỏ qua. Dòng có lỗi được báo kèm số dòng và tên cột, và không được nhập; các dòng khác vẫn được nhập.',
  `Tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng, tệp không quá 20 MiB. Nhận tệp .xlsx và .csv (UTF-8, UTF-16 hoặc Windows-1258; phân cách bằng dấu phẩy, chấm phẩy hoặc tab).`,
];

/** The "Hướng dẫn" sheet: what each column means and which kinds are accepted. */
export function addGuideSheet(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet(GUIDE_SHEET_NAME);
  sheet.columns = [{ width: 22 }, { width: 22 }, { width: 12 }, { width: 110 }];

  const title = sheet.addRow(['Hướng dẫn nhập danh sách đơn vị']);
  title.font = { bold: true, size: 14 };
  for (const note of NOTES) sheet.addRow([`• ${note}`]);
  sheet.addRow([]);

  bold(sheet.addRow(['Cột', 'Tên tiếng Anh', 'Bắt buộc', 'Ý nghĩa']));
  for (const c of ORG_COLUMNS) sheet.addRow([c.header, c.key, c.required ? 'Có' : 'Không', c.help]);
  sheet.addRow([]);

  const kinds = sheet.addRow(['Các loại đơn vị được chấp nhận ở cột "loai"']);
  kinds.font = { bold: true, size: 12 };
  bold(sheet.addRow(['Tên loại', 'Mã tiếng Anh', '', 'Cách viết khác cũng được chấp nhận (không phân biệt hoa thường, có dấu hay không dấu)']));
  for (const kind of ORG_KINDS) {
    const [label, ...aliases] = ORG_KIND_LABELS[kind];
    sheet.addRow([label, kind, '', aliases.map((a) => `"${a}"`).join(', ')]);
  }
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
}

function bold(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
}
