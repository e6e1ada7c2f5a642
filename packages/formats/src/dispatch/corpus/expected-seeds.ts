import type { ExpectedDispatch } from './fields.js';

/*
 * The three real dispatches in shared/seeds, scored beside the corpus. Their
 * long paragraphs are not copied here: a text ending in "…" stands for the
 * seed line that starts with it (bullet, number and Markdown removed), looked
 * up in the seed file itself. The shorter fields match parse-dispatch.seeds.test.ts.
 */

export type SeedName = 'cao-lanh-2024' | 'muong-lay-2026' | 'quang-ngai-2025';

export interface SeedExpectation {
  seed: SeedName;
  expected: ExpectedDispatch;
}

const CAO_LANH_2 = 'Các doanh nghiệp Bưu chính, viễn thông trên địa bàn Huyện bảo đảm…';
const CAO_LANH_3 = 'Giao Trưởng phòng Văn hoá và Thông tin theo dõi…';
const CAO_LANH_4 = 'Chủ tịch Ủy ban nhân dân xã, thị trấn tăng cường…';
const CAO_LANH_5 = 'Trong trường hợp cần hỗ trợ giám sát…';

const CAO_LANH: ExpectedDispatch = {
  file: 'dispatch-cao-lanh-2024.txt',
  layout: 'real seed: Markdown from .docx, blank number and day, "Xét đề nghị" reference',
  number: '/UBND-HC',
  date: null,
  place: 'Cao Lãnh',
  issuer: 'UỶ BAN NHÂN DÂN HUYỆN CAO LÃNH',
  governingBody: null,
  documentType: 'Công văn',
  subject: 'đảm bảo an toàn thông tin mạng trong dịp Tết Nguyên đán',
  recipients: [
    'Công an Huyện',
    'Ban Chỉ huy quân sự Huyện',
    'Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Ủy ban nhân dân Huyện',
    'Ủy ban nhân dân xã, thị trấn',
    'Các doanh nghiệp bưu chính, viễn thông trên địa bàn Huyện',
  ],
  references: [{ kind: 'xét đề nghị', documentType: 'Công văn', number: '33/PVHTT-HC', date: '2024-01-08', issuer: 'Phòng Văn hoá và Thông tin' }],
  sections: [
    {
      heading: 'Thủ trưởng đơn vị, địa phương triển khai hoạt động bảo đảm an toàn thông tin mạng cụ thể như sau:',
      tasks: [
        'Bảo đảm các biện pháp bảo vệ hệ thống…',
        'Phối hợp rà soát, kiểm tra và bóc gỡ…',
        'Chủ động rà soát các lỗ hổng…',
        'Tuyên truyền, nâng cao nhận thức…',
      ],
    },
    { heading: CAO_LANH_2, tasks: [CAO_LANH_2, 'Các doanh nghiệp cung ứng dịch vụ bưu chính…', 'Các doanh nghiệp viễn thông bảo đảm tuyệt đối…'] },
    { heading: CAO_LANH_3, tasks: [CAO_LANH_3] },
    { heading: CAO_LANH_4, tasks: [CAO_LANH_4, 'Phối hợp với Công an thường xuyên…', 'Phối hợp với doanh nghiệp cung cấp dịch vụ viễn thông…'] },
    { heading: CAO_LANH_5, tasks: [CAO_LANH_5] },
  ],
  closing: 'Yêu cầu Thủ trưởng đơn vị, địa phương thực hiện nghiêm nội dung chỉ đạo tại Công văn này./.',
  contacts: [{ name: 'Phòng Văn hoá và Thông tin', phone: '02773822202', title: null }],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Minh Tuấn' },
  copiesTo: ['Như trên (thực hiện)', 'TT/HU, TT/HĐND Huyện', 'CT, các PCT/UBND Huyện', 'LĐVP, NC', 'Lưu: VT, VPUBND (L)'],
};

const MUONG_LAY: ExpectedDispatch = {
  file: 'dispatch-muong-lay-2026.txt',
  layout: 'real seed: no issuing-body block, "Thực hiện" reference, sections headed by the group that acts',
  number: '1082/UBND-CA',
  date: '2026-03-05',
  place: 'Mường Lay',
  issuer: null,
  governingBody: null,
  documentType: 'Công văn',
  subject: 'triển khai thực hiện văn bản của Công an tỉnh về thông báo nguy cơ mất an toàn, an ninh mạng năm 2026',
  recipients: ['Các cơ quan, đơn vị, trường học trên địa bàn phường', 'Các Tổ dân phố, bản'],
  references: [{ kind: 'thực hiện', documentType: 'Công văn', number: '907/CAT-PA05', date: '2026-02-27', issuer: 'Công an tỉnh Điện Biên' }],
  sections: [
    {
      heading: 'Các cơ quan, đơn vị, trường học trên địa bàn phường',
      tasks: ['Tổ chức quán triệt, tuyên truyền…', 'Tăng cường quản lý, sử dụng hệ thống thư điện tử…', 'Chủ động rà soát, sao lưu dữ liệu…'],
    },
    { heading: 'Công an phường', tasks: ['Chủ trì, tham mưu UBND phường…', 'Tuyên truyền phương thức, thủ đoạn mới…'] },
    { heading: 'Các Tổ dân phố, bản', tasks: ['Đẩy mạnh tuyên truyền qua các cuộc họp…', 'Tuyên truyền vận động Nhân dân…'] },
  ],
  closing: 'UBND phường yêu cầu các cơ quan, đơn vị, trường học, tổ dân phố, bản nghiêm túc…',
  contacts: [],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lù Văn Ánh' },
  copiesTo: ['Như trên', 'Đảng ủy UBND phường', 'Lãnh đạo UBND phường', 'Lãnh đạo VP HĐND và UBND phường', 'Lưu: VT, CA'],
};

const QUANG_NGAI_1 = 'Tiếp tục quán triệt, triển khai thực hiện nghiêm túc…';
const QUANG_NGAI_2 = 'Chủ động tự rà soát…';
const QUANG_NGAI_3 = 'Mỗi cơ quan, đơn vị cần cử ít nhất 01 cán bộ…';
const QUANG_NGAI_4 = 'Công an xã chủ trì, hướng dẫn…';

const QUANG_NGAI: ExpectedDispatch = {
  file: 'dispatch-quang-ngai-2025.txt',
  layout: 'real seed: no header block, tab-indented "Về việc", recipients spelled out in a footnote',
  number: null,
  date: null,
  place: null,
  issuer: null,
  governingBody: null,
  documentType: 'Công văn',
  subject: 'tăng cường các biện pháp phòng, chống tấn công mạng, gián điệp mạng',
  recipients: [
    'Phòng Kinh tế',
    'phòng Văn hoá - Xã hội',
    'Trung tâm phục vụ hành chính công',
    'Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông xã',
    'Trung tâm dịch vụ nông nghiệp xã',
    'Ban Quản lý dự án và dịch vụ công ích xã',
    'Ban Chỉ huy quân sự xã',
    'Công an xã',
    'Uỷ ban Mặt trận Tổ quốc Việt Nam và các tổ chức đoàn thể xã',
  ],
  references: [{ kind: 'thực hiện', documentType: 'Công văn', number: '33/UBND-NC', date: '2025-07-31', issuer: 'UBND Tỉnh Quảng Ngãi' }],
  sections: [
    { heading: QUANG_NGAI_1, tasks: [QUANG_NGAI_1, 'Tổ chức tuyên truyền, phổ biến…'] },
    { heading: QUANG_NGAI_2, tasks: [QUANG_NGAI_2] },
    { heading: QUANG_NGAI_3, tasks: [QUANG_NGAI_3] },
    { heading: QUANG_NGAI_4, tasks: [QUANG_NGAI_4] },
  ],
  closing: 'Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc. Trong quá trình thực hiện…',
  contacts: [],
  signer: { authority: null, title: null, name: null },
  copiesTo: [
    'Như trên (t/h)',
    'UBND tỉnh (b/c)',
    'Thường trực Đảng ủy (b/c)',
    'Thường trực HĐND xã (b/c)',
    'Đ/c Chủ tịch và các Phó Chủ tịch',
    'LĐ, CVVP',
    'Lưu: VT',
  ],
};

export const SEED_EXPECTATIONS: SeedExpectation[] = [
  { seed: 'cao-lanh-2024', expected: CAO_LANH },
  { seed: 'muong-lay-2026', expected: MUONG_LAY },
  { seed: 'quang-ngai-2025', expected: QUANG_NGAI },
];

/** A seed line as a reader sees it: no Markdown, bullet or heading number. */
function cleanLine(line: string): string {
  return line
    .replace(/\*\*/g, '')
    .trim()
    .replace(/^(?:-\s+|\d{1,2}\.\s+)/, '')
    .trim();
}

/** Expands every "…"-ended text into the whole seed line it starts. */
export function resolveSeedExpectation(e: ExpectedDispatch, seedText: string): ExpectedDispatch {
  const lines = seedText.split('\n').map(cleanLine);
  const expand = (s: string): string => {
    if (!s.endsWith('…')) return s;
    const start = s.slice(0, -1);
    const found = lines.find((l) => l.startsWith(start));
    if (found === undefined) throw new Error(`no line of ${e.file} starts with "${start}"`);
    return found;
  };
  return {
    ...e,
    sections: e.sections.map((s) => ({ ...s, heading: expand(s.heading), tasks: s.tasks.map(expand) })),
    closing: expand(e.closing),
  };
}
