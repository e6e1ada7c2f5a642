import type { ExpectedDispatch } from './fields.js';

/*
 * The corpus letters (công văn proper: a "V/v" line and no title), each field
 * written by hand from the text beside it. The texts are variations on the
 * three real seeds in shared/seeds: the same regime, other layouts.
 */

const NA_TAU_3 = 'Các trường học trên địa bàn xã tuyên truyền cho giáo viên, học sinh về thủ đoạn lừa đảo trực tuyến.';

const XA_SIDE_BY_SIDE: ExpectedDispatch = {
  file: '01-xa-side-by-side.txt',
  layout: 'commune People’s Committee; header columns side by side, rule lines under them; two references in one sentence',
  number: '215/UBND-VP',
  date: '2026-03-12',
  place: 'Nà Tấu',
  issuer: 'UỶ BAN NHÂN DÂN XÃ NÀ TẤU',
  governingBody: null,
  documentType: 'Công văn',
  subject: 'tăng cường bảo đảm an toàn thông tin mạng đối với hệ thống thư điện tử công vụ',
  recipients: ['Công an xã', 'Các cơ quan, đơn vị thuộc UBND xã', 'Trường Mầm non, Tiểu học, THCS trên địa bàn xã', 'Trưởng các thôn, bản'],
  references: [
    { kind: 'thực hiện', documentType: 'Công văn', number: '907/CAT-PA05', date: '2026-02-27', issuer: 'Công an tỉnh Điện Biên' },
    { kind: 'thực hiện', documentType: 'Công văn', number: '1125/UBND-KT', date: '2026-03-03', issuer: 'UBND tỉnh Điện Biên' },
  ],
  sections: [
    {
      heading: 'Các cơ quan, đơn vị thuộc UBND xã',
      tasks: [
        'Rà soát toàn bộ tài khoản thư điện tử công vụ, thu hồi tài khoản của cán bộ đã nghỉ hưu, chuyển công tác.',
        'Thay đổi mật khẩu thư điện tử công vụ ít nhất 03 tháng một lần; mật khẩu có tối thiểu 12 ký tự.',
        'Không lưu mật khẩu trên trình duyệt của máy tính dùng chung.',
      ],
    },
    {
      heading: 'Công an xã',
      tasks: ['Hướng dẫn các cơ quan, đơn vị rà soát, bóc gỡ mã độc trên máy trạm.', 'Tổng hợp kết quả, báo cáo UBND xã trước ngày 31/3/2026.'],
    },
    { heading: NA_TAU_3, tasks: [NA_TAU_3] },
  ],
  closing:
    'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, liên hệ Công an xã qua đồng chí Lò Văn Thành, Phó Trưởng Công an xã, số điện thoại: 0914.223.456 để được hướng dẫn.\nUBND xã yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.',
  contacts: [{ name: 'Lò Văn Thành', phone: '0914223456', title: 'Phó Trưởng Công an xã' }],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Quàng Văn Hùng' },
  copiesTo: ['Như trên', 'Công an tỉnh (PA05) (b/c)', 'Lưu: VT'],
};

const WARD_1 =
  'Tuyên truyền đến cán bộ, công chức, viên chức và Nhân dân: Công an không làm việc qua điện thoại, không yêu cầu cài đặt ứng dụng lạ, không yêu cầu chuyển tiền.';
const WARD_2 = 'Các Tổ dân phố, bản đăng tải cảnh báo lên các nhóm Zalo cộng đồng; nhắc Nhân dân không cung cấp mã OTP cho bất kỳ ai.';
const WARD_3 = 'Khi phát hiện dấu hiệu lừa đảo, kịp thời báo cho Công an phường qua đường dây nóng 0215.3854.113.';

const WARD_WEB: ExpectedDispatch = {
  file: '02-phuong-web-interleaved.txt',
  layout: 'ward; copied from a web page: header columns interleaved, spaced number, HTML entities, recipients with and without dashes',
  number: '1190/UBND-CA',
  date: '2026-03-20',
  place: 'Mường Lay',
  issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG MƯỜNG LAY',
  governingBody: null,
  documentType: 'Công văn',
  subject: 'cảnh báo thủ đoạn giả danh cơ quan Công an gọi điện lừa đảo',
  recipients: ['Các cơ quan, đơn vị, trường học trên địa bàn phường', 'Các Tổ dân phố, bản', 'Bưu điện phường & các điểm giao dịch Viettel, VNPT'],
  references: [{ kind: 'thực hiện', documentType: 'Công văn', number: '66/CAT-PA05', date: '2026-03-15', issuer: 'Công an tỉnh Điện Biên' }],
  sections: [
    { heading: WARD_1, tasks: [WARD_1] },
    { heading: WARD_2, tasks: [WARD_2] },
    { heading: WARD_3, tasks: [WARD_3] },
  ],
  closing: 'Đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.',
  contacts: [{ name: 'Công an phường', phone: '02153854113', title: null }],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lù Văn Ánh' },
  copiesTo: ['Như trên', 'Lưu: VT, CA'],
};

const PA05: ExpectedDispatch = {
  file: '03-pa05-bullets.txt',
  layout: 'provincial police cyber unit under its governing body, issuer over two lines; one-line "Kính gửi"; •, – and + bullets; signature before "Nơi nhận"',
  number: '312/PA05-Đ2',
  date: '2026-03-09',
  place: 'Điện Biên',
  issuer: 'PHÒNG AN NINH MẠNG VÀ PHÒNG, CHỐNG TỘI PHẠM SỬ DỤNG CÔNG NGHỆ CAO',
  governingBody: 'CÔNG AN TỈNH ĐIỆN BIÊN',
  documentType: 'Công văn',
  subject: 'cảnh báo chiến dịch phát tán mã độc qua tệp đính kèm thư điện tử',
  recipients: ['Các sở, ban, ngành tỉnh', 'UBND các xã, phường trên địa bàn tỉnh'],
  references: [
    { kind: 'căn cứ', documentType: 'Luật', number: null, date: '2018-06-12', issuer: null },
    { kind: 'thực hiện', documentType: 'Công văn', number: '628/A05-P3', date: '2026-02-20', issuer: 'Bộ Công an' },
  ],
  sections: [
    {
      heading: '',
      tasks: [
        'Không mở tệp đính kèm có đuôi .rar, .zip, .iso từ địa chỉ thư lạ; xoá thư nghi vấn khỏi hộp thư.',
        'Rà soát máy trạm bằng phần mềm phòng, chống mã độc có bản quyền, cập nhật cơ sở dữ liệu nhận dạng mới nhất.',
        'Chặn các tên miền và địa chỉ IP trong danh sách kèm theo trên tường lửa.',
        'Báo cáo kết quả rà soát về Công an tỉnh (qua PA05) trước ngày 20/3/2026.',
      ],
    },
  ],
  closing:
    'Quá trình thực hiện, nếu phát hiện dấu hiệu tấn công mạng, đề nghị thông báo ngay cho PA05 qua đầu mối: Thiếu tá Trần Quốc Việt, Phó Trưởng phòng, điện thoại (0215) 3826.117; Đại úy Lường Thị Mai, cán bộ Đội 2, di động 0983 456 712.\nĐề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.',
  contacts: [
    { name: 'Trần Quốc Việt', phone: '02153826117', title: 'Phó Trưởng phòng' },
    { name: 'Lường Thị Mai', phone: '0983456712', title: 'cán bộ Đội 2' },
  ],
  signer: { authority: 'KT. TRƯỞNG PHÒNG', title: 'PHÓ TRƯỞNG PHÒNG', name: 'Trung tá Nguyễn Đức Long' },
  copiesTo: ['Như trên', 'Đ/c Giám đốc CAT (để b/c)', 'Lưu: PA05'],
};

const DEPARTMENT: ExpectedDispatch = {
  file: '04-so-right-column-first-footnotes.txt',
  layout: 'provincial department (Sở) under the provincial committee; the right header column extracted first; a) b) items; superscript footnotes at the end',
  number: '66/STTTT-CNTT',
  date: '2025-01-15',
  place: 'Đồng Tháp',
  issuer: 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
  governingBody: 'UBND TỈNH ĐỒNG THÁP',
  documentType: 'Công văn',
  subject: 'bảo đảm an toàn thông tin mạng dịp Tết Nguyên đán Ất Tỵ 2025',
  recipients: ['Các sở, ban, ngành tỉnh', 'UBND các huyện, thành phố', 'Các doanh nghiệp viễn thông trên địa bàn tỉnh'],
  references: [{ kind: 'thực hiện', documentType: 'Công văn', number: '45/CATTT-NCSC', date: '2025-01-08', issuer: 'Cục An toàn thông tin' }],
  preambleIncludes: ['của Cục An toàn thông tin (Nay là Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Bộ Công an) về bảo đảm'],
  sections: [
    {
      heading: 'Các sở, ban, ngành tỉnh và UBND các huyện, thành phố',
      tasks: [
        'Phân công cán bộ trực, theo dõi, giám sát hệ thống thông tin trong suốt kỳ nghỉ Tết.',
        'Sao lưu dữ liệu quan trọng trước kỳ nghỉ; kiểm tra khả năng khôi phục dữ liệu từ bản sao lưu.',
        'Tắt các máy tính, thiết bị không sử dụng trong thời gian nghỉ Tết.',
      ],
    },
    {
      heading: 'Các doanh nghiệp viễn thông',
      tasks: [
        'Bảo đảm hạ tầng viễn thông, Internet an toàn, thông suốt.',
        'Phối hợp ngăn chặn tin nhắn rác, cuộc gọi lừa đảo trong dịp Tết (Theo Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh).',
      ],
    },
  ],
  closing:
    'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, đề nghị liên hệ bà Nguyễn Thị Thu Hà, chuyên viên Phòng Công nghệ thông tin, số điện thoại 0277.3851.234.\nĐề nghị các cơ quan, đơn vị quan tâm thực hiện./.',
  contacts: [{ name: 'Nguyễn Thị Thu Hà', phone: '02773851234', title: 'chuyên viên Phòng Công nghệ thông tin' }],
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Phạm Văn Khải' },
  copiesTo: ['Như trên', 'UBND tỉnh (b/c)', 'Lưu: VT, CNTT'],
};

const PDF = [
  'Rà soát, phân loại hệ thống thông tin theo cấp độ an toàn thông tin theo quy định; hoàn thành phê duyệt hồ sơ đề xuất cấp độ trước ngày 30/9/2025.',
  'Triển khai giải pháp phòng, chống mã độc tập trung cho toàn bộ máy trạm; cập nhật bản vá cho các lỗ hổng nghiêm trọng. Không sử dụng phần mềm không rõ nguồn gốc, phần mềm bẻ khoá trên máy tính công vụ.',
  'Quán triệt cán bộ, công chức không lưu trữ, soạn thảo tài liệu mật trên máy tính có kết nối Internet; không chia sẻ tài khoản công vụ.',
  'Cử 01 cán bộ đầu mối phụ trách an toàn thông tin, gửi danh sách về Sở Khoa học và Công nghệ trước ngày 05/9/2025 để phối hợp.',
];
const PDF_CONTACT = 'Trưởng phòng Công nghệ thông tin';

const PDF_VIEWER: ExpectedDispatch = {
  file: '08-pdf-viewer-wrapped.txt',
  layout: 'copied from a PDF viewer: hard line breaks mid-sentence, a running header and page number between pages, no blank lines',
  number: '158/SKHCN-CNTT',
  date: '2025-08-18',
  place: 'Quảng Ngãi',
  issuer: 'SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  governingBody: 'UBND TỈNH QUẢNG NGÃI',
  documentType: 'Công văn',
  subject: 'triển khai các biện pháp phòng, chống tấn công mạng, gián điệp mạng',
  recipients: ['Các sở, ban, ngành tỉnh', 'UBND các xã, phường, đặc khu'],
  references: [{ kind: 'thực hiện', documentType: 'Công văn', number: '33/UBND-NC', date: '2025-07-31', issuer: 'UBND tỉnh Quảng Ngãi' }],
  sections: PDF.map((t) => ({ heading: t, tasks: [t] })),
  closing:
    'Mọi vướng mắc đề nghị liên hệ ông Huỳnh Tấn Phát, Trưởng phòng Công nghệ thông tin, điện thoại: 0255.3822.468 hoặc 0905 112 233 để được hỗ trợ.\nĐề nghị các cơ quan, đơn vị, địa phương quan tâm phối hợp thực hiện./.',
  contacts: [
    { name: 'Huỳnh Tấn Phát', phone: '02553822468', title: PDF_CONTACT },
    { name: 'Huỳnh Tấn Phát', phone: '0905112233', title: PDF_CONTACT },
  ],
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Trần Thị Minh Thư' },
  copiesTo: ['Như trên', 'UBND tỉnh (b/c)', 'Lưu: VT, CNTT'],
};

const OCR = [
  'Thông báo trên loa truyền thanh của bản ít nhất 02 lần/tuần trong tháng 02/2026.',
  'Nhắc người dân chỉ cài ứng dụng từ kho ứng dụng chính thức; không bấm vào đường link lạ.',
  'Khi phát hiện người dân bị lừa đảo, báo ngay cho Công an xã.',
];

const OCR_COMMUNE_POLICE: ExpectedDispatch = {
  file: '09-ocr-cong-an-xa.txt',
  layout: 'OCR of a commune police letter: misread diacritics in the keywords, no blank lines, rank before the signer',
  number: '27/CAX-ANM',
  date: '2026-02-04',
  place: 'Phong Thổ',
  issuer: 'CÔNG AN XÃ PHONG THỔ',
  governingBody: 'CÔNG AN TỈNH LAI CHÂU',
  documentType: 'Công văn',
  subject: 'thông báo thủ đoạn lừa đảo cài ứng dụng dịch vụ công giả mạo',
  recipients: ['Trưởng các bản, tổ dân phố trên địa bàn xã'],
  references: [{ kind: 'thực hiện', documentType: 'Kế hoạch', number: '16/KH-CAT', date: '2026-01-20', issuer: 'Công an tỉnh Lai Châu' }],
  sections: OCR.map((t) => ({ heading: t, tasks: [t] })),
  closing: 'Mọi thông tin liên hệ đ/c Sùng A Lử - cán bộ Công an xã, SĐT: 0386.112.457.',
  contacts: [{ name: 'Sùng A Lử', phone: '0386112457', title: 'cán bộ Công an xã' }],
  signer: { authority: null, title: 'TRƯỞNG CÔNG AN XÃ', name: 'Thiếu tá Lý Văn Chung' },
  copiesTo: ['Như trên', 'Lưu: CAX'],
};

const WEB_TABS: ExpectedDispatch = {
  file: '12-xa-web-tabs-mixed-case.txt',
  layout: 'copied from a web page: mixed-case header, columns separated by tabs, numeric entities and "& nbsp ;" debris, "Group: task" items',
  number: '88/UBND-VHXH',
  date: '2026-06-03',
  place: 'Tân Phú',
  issuer: 'Ủy ban nhân dân xã Tân Phú',
  governingBody: null,
  documentType: 'Công văn',
  subject: 'tuyên truyền phòng, chống lừa đảo & chiếm đoạt tài sản trên không gian mạng',
  recipients: ['Ban Văn hóa - Xã hội xã', 'Công an xã', 'Trưởng các ấp'],
  references: [{ kind: 'căn cứ', documentType: 'Kế hoạch', number: '120/KH-UBND', date: '2026-05-15', issuer: 'UBND tỉnh Đồng Tháp' }],
  sections: [
    { heading: 'Ban Văn hóa - Xã hội xã', tasks: ['Biên tập tin, bài cảnh báo các thủ đoạn lừa đảo mới, phát trên hệ thống loa truyền thanh 03 buổi/tuần.'] },
    { heading: 'Công an xã', tasks: ['Cung cấp thông tin các vụ việc lừa đảo trên địa bàn cho Ban Văn hóa - Xã hội xã để biên tập.'] },
    { heading: 'Trưởng các ấp', tasks: ['Tuyên truyền tại các cuộc họp ấp, nhóm Zalo của ấp.'] },
  ],
  closing: 'Đề nghị các đơn vị thực hiện./.',
  contacts: [],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Thị Ngọc Hân' },
  copiesTo: ['Như trên', 'Lưu: VT'],
};

const WARD_POLICE: ExpectedDispatch = {
  file: '13-cong-an-phuong-columns-in-turn.txt',
  layout:
    'ward police: the left header column whole, then the right; Roman sections with a lead-in; a numbered task listing lower-case bullets; the contact named after the phone',
  number: '56/CAP-ANM',
  date: '2026-07-02',
  place: 'Mường Thanh',
  issuer: 'CÔNG AN PHƯỜNG MƯỜNG THANH',
  governingBody: 'CÔNG AN TỈNH ĐIỆN BIÊN',
  documentType: 'Công văn',
  subject: 'triển khai Tháng cao điểm bảo đảm an ninh mạng',
  recipients: ['Các cơ quan, đơn vị, trường học trên địa bàn phường', 'Các tổ dân phố'],
  references: [{ kind: 'thực hiện', documentType: 'Kế hoạch', number: '35/KH-CAT', date: '2026-06-25', issuer: 'Công an tỉnh Điện Biên' }],
  sections: [
    {
      heading: 'Các cơ quan, đơn vị, trường học',
      intro: 'Thực hiện các nội dung sau đây:',
      tasks: [
        'Rà soát, cập nhật danh sách hệ thống thông tin và cấp độ an toàn, gửi Công an phường trước ngày 15/7/2026.',
        'Gỡ bỏ phần mềm không rõ nguồn gốc; bật tường lửa trên toàn bộ máy trạm.',
      ],
    },
    {
      heading: 'Các tổ dân phố',
      tasks: [
        'Phổ biến cho Nhân dân các thủ đoạn lừa đảo mới: giả danh nhân viên điện lực yêu cầu thanh toán tiền điện qua đường link; giả danh cơ quan thuế yêu cầu cài ứng dụng eTax giả mạo.',
        'Lập danh sách người dân bị lừa đảo, gửi Công an phường.',
      ],
    },
  ],
  closing: 'Mọi vướng mắc, đề nghị liên hệ Công an phường qua số điện thoại 0215 3825 114 (đồng chí Tuấn) để phối hợp giải quyết.',
  contacts: [{ name: 'Tuấn', phone: '02153825114', title: 'Công an phường' }],
  signer: { authority: null, title: 'TRƯỞNG CÔNG AN PHƯỜNG', name: 'Thiếu tá Đặng Minh Tuấn' },
  copiesTo: ['Như trên', 'Lưu: CAP'],
};

const DOCX_TABLE_1 = 'Rà soát danh sách tài khoản thư điện tử, phần mềm quản lý văn bản của cán bộ, công chức; thu hồi tài khoản của người đã nghỉ việc.';
const DOCX_TABLE_2 = 'Gửi danh sách tài khoản đã rà soát về Văn phòng HĐND và UBND xã trước ngày 20/4/2026.';

const DOCX_PIPE_TABLE: ExpectedDispatch = {
  file: '16-docx-pandoc-table.txt',
  layout: '.docx converted by Pandoc: header and signature as pipe tables, each cell’s lines run together in bold and italic runs',
  number: '31/UBND-VP',
  date: '2026-04-08',
  place: 'Thanh Yên',
  issuer: 'ỦY BAN NHÂN DÂN XÃ THANH YÊN',
  governingBody: null,
  documentType: 'Công văn',
  subject: 'rà soát tài khoản công vụ',
  recipients: ['Các cơ quan, đơn vị thuộc UBND xã'],
  references: [{ kind: 'thực hiện', documentType: 'Công văn', number: '1375/CAT-PA05', date: '2026-04-01', issuer: 'Công an tỉnh Điện Biên' }],
  sections: [
    { heading: DOCX_TABLE_1, tasks: [DOCX_TABLE_1] },
    { heading: DOCX_TABLE_2, tasks: [DOCX_TABLE_2] },
  ],
  closing: 'Đề nghị các cơ quan, đơn vị thực hiện./.',
  contacts: [],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Bạc Cầm Thuận' },
  copiesTo: ['Như trên', 'Lưu: VT'],
};

const OCR_BROKEN: ExpectedDispatch = {
  file: '17-ocr-broken.txt',
  layout: 'OCR of a district office letter: misread marks in the national title, "Kính gứi: - …" on one line, a page number mid-list, a contact line after it',
  number: '19/PVHTT',
  date: '2024-12-12',
  place: 'Điện Biên',
  issuer: 'PHÒNG VĂN HÓA VÀ THÔNG TIN',
  governingBody: 'UBND HUYỆN ĐIỆN BIÊN',
  documentType: 'Công văn',
  subject: 'tuyên truyền phòng, chống lừa đảo trực tuyến dịp cuối năm',
  recipients: ['UBND các xã', 'Các trường học trên địa bàn huyện'],
  references: [{ kind: 'thực hiện', documentType: 'Kế hoạch', number: '210/KH-UBND', date: '2024-12-02', issuer: 'UBND huyện Điện Biên' }],
  sections: [
    {
      heading: '',
      tasks: [
        'Tuyên truyền trên hệ thống loa truyền thanh cơ sở các thủ đoạn lừa đảo trực tuyến dịp cuối năm;',
        'Đăng tải tin, bài cảnh báo trên trang thông tin điện tử của đơn vị.',
      ],
    },
  ],
  closing: 'Thông tin liên hệ: đồng chí Điêu Chính Tâm, chuyên viên phòng, điện thoại 0983.117.262.\nĐề nghị các đơn vị quan tâm thực hiện./.',
  contacts: [{ name: 'Điêu Chính Tâm', phone: '0983117262', title: 'chuyên viên phòng' }],
  signer: { authority: null, title: 'TRƯỞNG PHÒNG', name: 'Lò Thị Hạnh' },
  copiesTo: ['Như trên', 'Lưu: VT'],
};

const DISTRICT_SUBHEADINGS: ExpectedDispatch = {
  file: '18-huyen-subheadings.txt',
  layout: 'district committee (before July 2025): "+" recipients, "1.1." items under group headings, "Căn cứ Công văn"',
  number: '702/UBND-VHTT',
  date: '2024-05-20',
  place: 'Mường Nhé',
  issuer: 'UỶ BAN NHÂN DÂN HUYỆN MƯỜNG NHÉ',
  governingBody: null,
  documentType: 'Công văn',
  subject: 'bảo đảm an toàn thông tin cho hệ thống camera giám sát',
  recipients: ['Công an huyện', 'UBND các xã'],
  references: [
    { kind: 'căn cứ', documentType: 'Công văn', number: '1553/STTTT-CNTT', date: '2024-05-10', issuer: 'Sở Thông tin và Truyền thông tỉnh Điện Biên' },
  ],
  sections: [
    {
      heading: 'Công an huyện',
      tasks: ['Rà soát các camera giám sát kết nối Internet trên địa bàn, lập danh sách gửi UBND huyện.', 'Hướng dẫn các xã đổi mật khẩu mặc định của camera.'],
    },
    {
      heading: 'UBND các xã',
      tasks: [
        'Đổi mật khẩu mặc định, cập nhật phần mềm cho camera do xã quản lý.',
        'Báo cáo kết quả về UBND huyện (qua Phòng Văn hóa và Thông tin) trước ngày 30/6/2024.',
      ],
    },
  ],
  closing: 'Yêu cầu các cơ quan, đơn vị thực hiện nghiêm./.',
  contacts: [],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Vàng A Sử' },
  copiesTo: ['Như trên', 'Lưu: VT'],
};

export const CONG_VAN_CORPUS: ExpectedDispatch[] = [
  XA_SIDE_BY_SIDE,
  WARD_WEB,
  PA05,
  DEPARTMENT,
  PDF_VIEWER,
  OCR_COMMUNE_POLICE,
  WEB_TABS,
  WARD_POLICE,
  DOCX_PIPE_TABLE,
  OCR_BROKEN,
  DISTRICT_SUBHEADINGS,
];
