import { foldVietnamese } from '@khien/formats';

/** Canonical (English) key of each column; also the `field` of row errors. */
export type OrgColumnKey =
  | 'name'
  | 'short_name'
  | 'kind'
  | 'admin_code'
  | 'parent_admin_code'
  | 'parent_path'
  | 'contact_name'
  | 'contact_role'
  | 'contact_phone'
  | 'contact_email'
  | 'hotline_24_7';

export interface OrgColumn {
  key: OrgColumnKey;
  /** Header written in templates and exports. */
  header: string;
  /** What the field is called in messages, in Vietnamese and in English. */
  label: string;
  labelEn: string;
  required: boolean;
  /** Spreadsheet column width, in characters. */
  width: number;
  /** Kept as text in XLSX so Excel does not strip leading zeros. */
  text: boolean;
  help: string;
}

export const ORG_COLUMNS: readonly OrgColumn[] = [
  {
    key: 'name',
    header: 'ten',
    label: 'Tên đơn vị',
    labelEn: 'Org name',
    required: true,
    width: 40,
    text: false,
    help: 'Tên đầy đủ của đơn vị, tối đa 255 ký tự. Ví dụ: Xã Mường Phăng, Trường THCS Mường Phăng.',
  },
  {
    key: 'short_name',
    header: 'ten_viet_tat',
    label: 'Tên viết tắt',
    labelEn: 'Short name',
    required: false,
    width: 24,
    text: false,
    help: 'Tên ngắn gọn, tối đa 64 ký tự. Có thể để trống.',
  },
  {
    key: 'kind',
    header: 'loai',
    label: 'Loại đơn vị',
    labelEn: 'Org kind',
    required: false,
    width: 24,
    text: false,
    help: 'Loại đơn vị: một tên loại trong bảng bên dưới (không phân biệt hoa thường, có dấu hay không dấu) hoặc mã tiếng Anh. Nên điền; nếu để trống, hệ thống đoán theo đầu tên (Xã …, Phường …, Trường …) và báo lỗi khi không đoán được.',
  },
  {
    key: 'admin_code',
    header: 'ma_hanh_chinh',
    label: 'Mã hành chính',
    labelEn: 'Admin code',
    required: false,
    width: 16,
    text: true,
    help: 'Mã đơn vị hành chính chính thức (tỉnh 2 chữ số, xã/phường/đặc khu 5 chữ số) hoặc mã riêng: chữ, số, ".", "_", "-", tối đa 32 ký tự. Mỗi mã chỉ dùng cho một đơn vị. Định dạng ô là Văn bản (Text) để giữ số 0 ở đầu.',
  },
  {
    key: 'parent_admin_code',
    header: 'ma_don_vi_cha',
    label: 'Mã đơn vị cha',
    labelEn: 'Parent code',
    required: false,
    width: 16,
    text: true,
    help: 'Mã hành chính của đơn vị cấp trên. Dùng cột này hoặc cột duong_dan_cha để chỉ ra đơn vị cha.',
  },
  {
    key: 'parent_path',
    header: 'duong_dan_cha',
    label: 'Đường dẫn đơn vị cha',
    labelEn: 'Parent path',
    required: false,
    width: 50,
    text: false,
    help: 'Tên các đơn vị cấp trên từ gốc xuống, ngăn cách bằng " / " (hoặc " > "). Ví dụ: Tỉnh Điện Biên / Xã Mường Phăng.',
  },
  {
    key: 'contact_name',
    header: 'lien_he_ten',
    label: 'Tên người liên hệ',
    labelEn: 'Contact name',
    required: false,
    width: 26,
    text: false,
    help: 'Họ tên người liên hệ. Mỗi dòng một người; muốn thêm người thứ hai thì lặp lại dòng của đơn vị với người liên hệ khác.',
  },
  {
    key: 'contact_role',
    header: 'lien_he_chuc_vu',
    label: 'Chức vụ người liên hệ',
    labelEn: 'Contact role',
    required: false,
    width: 26,
    text: false,
    help: 'Chức vụ của người liên hệ. Có thể để trống.',
  },
  {
    key: 'contact_phone',
    header: 'lien_he_dien_thoai',
    label: 'Số điện thoại',
    labelEn: 'Phone number',
    required: false,
    width: 18,
    text: true,
    help: 'Số điện thoại: chữ số, có thể có "+" ở đầu, dấu cách, ".", "-", "( )". Ví dụ: 0912 345 678, +84 912 345 678.',
  },
  {
    key: 'contact_email',
    header: 'lien_he_email',
    label: 'Email',
    labelEn: 'E-mail',
    required: false,
    width: 32,
    text: false,
    help: 'Địa chỉ thư điện tử của người liên hệ.',
  },
  {
    key: 'hotline_24_7',
    header: 'truc_24_7',
    label: 'Trực 24/7',
    labelEn: '24/7 duty',
    required: false,
    width: 12,
    text: false,
    help: 'Người liên hệ trực 24/7: "có" hoặc "không" (cũng nhận x, yes/no, true/false, 1/0). Để trống là không.',
  },
];

/** "Tên viết tắt", "TEN_VIET_TAT" and "ten viet tat" all give "ten_viet_tat". */
export function headerKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const ENGLISH_ALIASES: Record<OrgColumnKey, readonly string[]> = {
  name: ['ten_don_vi'],
  short_name: ['shortname'],
  kind: ['loai_don_vi', 'type'],
  admin_code: ['adminCode', 'code', 'ma'],
  parent_admin_code: ['parentAdminCode', 'parent_code'],
  parent_path: ['parentPath'],
  contact_name: [],
  contact_role: [],
  contact_phone: [],
  contact_email: [],
  hotline_24_7: ['hotline247', 'hotline', 'truc_24_24'],
};

const COLUMN_BY_HEADER = new Map<string, OrgColumnKey>();
for (const column of ORG_COLUMNS) {
  for (const alias of [column.header, column.key, ...ENGLISH_ALIASES[column.key]]) COLUMN_BY_HEADER.set(headerKey(alias), column.key);
}

/** The column a header cell names, Vietnamese or English, any case, with or without diacritics. */
export function resolveHeader(text: string): OrgColumnKey | null {
  return COLUMN_BY_HEADER.get(headerKey(text)) ?? null;
}

export function columnOf(key: OrgColumnKey): OrgColumn {
  const column = ORG_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`unknown column ${key}`);
  return column;
}
