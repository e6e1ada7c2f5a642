import { buildRowsFromTable } from './build-rows.js';
import { emptyFile, MAX_IMPORT_BYTES, refuse } from './limits.js';
import { readAdminUnits } from './read-admin-units.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { isCompoundFile, isZip } from '../../../platform/archive/index.js';
import { decodeText, looksBinary } from '../../../platform/text-decoding.js';
import type { ParsedOrgFile } from './types.js';

/**
 * Reads an org-tree file: CSV, XLSX, or the official admin-units JSON.
 * The format comes from the content (zip magic → XLSX; text starting with
 * "[" or "{" → JSON; other text → CSV); the file name only sharpens messages.
 *
 * Bad rows are returned in `errors` and left out of `rows`. The whole file is
 * refused with an OrgImportRefusedError (reason + Vietnamese/English message,
 * never anything else on purpose) when it is larger than MAX_IMPORT_BYTES, has
 * more than MAX_IMPORT_ROWS rows, is empty, is binary or of another format,
 * is an unreadable or zip-bomb XLSX, or is JSON of another shape.
 */
export async function parseOrgFile(data: Buffer, filename: string): Promise<ParsedOrgFile> {
  if (data.length > MAX_IMPORT_BYTES) {
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    throw refuse(
      'too_large',
      `Tệp quá lớn (${mib(data.length)} MiB); tối đa ${mib(MAX_IMPORT_BYTES)} MiB`,
      `File too large (${mib(data.length)} MiB); the limit is ${mib(MAX_IMPORT_BYTES)} MiB`,
    );
  }
  if (data.length === 0) throw emptyFile();
  const extension = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? '';

  if (isZip(data)) {
    const { rows, errors } = buildRowsFromTable(await readXlsx(data));
    return { format: 'xlsx', rows, errors };
  }
  if (isCompoundFile(data)) {
    throw refuse(
      'unsupported_format',
      'Tệp Excel 97-2003 (.xls) hoặc tệp Excel có mật khẩu không được hỗ trợ; hãy lưu lại thành .xlsx (không đặt mật khẩu) hoặc .csv',
      'Legacy .xls or password-protected Excel files are not supported; save as .xlsx (without a password) or .csv',
    );
  }

  const { text } = decodeText(data);
  const body = text.replace(/^\ufeff/, '');
  const start = body.search(/\S/);
  if (start < 0) throw emptyFile();
  if (looksBinary(body)) throw notATable(extension);

  const first = body[start];
  if (first === '[' || first === '{') {
    const { rows, errors } = readAdminUnits(body);
    return { format: 'admin-units-json', rows, errors };
  }
  if (extension === 'json') throw refuse('invalid_json', 'Tệp .json không chứa JSON', 'The .json file does not contain JSON');
  if (first === '<') {
    throw refuse(
      'unsupported_format',
      'Tệp HTML/XML (thường là ".xls" xuất từ phần mềm khác) không được hỗ trợ; hãy mở bằng Excel và lưu lại thành .xlsx hoặc .csv',
      'HTML/XML files (often ".xls" exported by other software) are not supported; open in Excel and save as .xlsx or .csv',
    );
  }
  const { rows, errors } = buildRowsFromTable(readCsv(body));
  return { format: 'csv', rows, errors };
}

function notATable(extension: string) {
  if (extension === 'xlsx' || extension === 'xls') {
    return refuse('invalid_xlsx', 'Tệp không phải bảng tính XLSX hợp lệ', 'The file is not a valid XLSX workbook');
  }
  return refuse(
    'unsupported_format',
    'Tệp không phải CSV, XLSX hay JSON danh mục đơn vị hành chính (có vẻ là tệp nhị phân)',
    'The file is not CSV, XLSX or administrative-units JSON (it looks binary)',
  );
}
