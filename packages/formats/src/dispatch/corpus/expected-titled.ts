import type { ExpectedDispatch } from './fields.js';

/*
 * The corpus documents with a title (Thông báo, Kế hoạch, Quyết định, Chỉ thị,
 * Hướng dẫn, Giấy mời): the subject is the line under the title, and most
 * have no "Kính gửi".
 */

const SCHOOL: ExpectedDispatch = {
  file: '05-truong-thong-bao.txt',
  layout: 'school notice (Thông báo) under the commune; "* " bullets; an "Đối với …: task" item; a teacher as contact',
  number: '08/TB-THCS',
  date: '2026-04-02',
  place: 'Nà Tấu',
  issuer: 'TRƯỜNG THCS NÀ TẤU',
  governingBody: 'UBND XÃ NÀ TẤU',
  documentType: 'Thông báo',
  subject: 'phòng, chống lừa đảo trực tuyến đối với học sinh và phụ huynh',
  recipients: [],
  references: [{ kind: 'thực hiện', documentType: 'Công văn', number: '215/UBND-VP', date: '2026-03-12', issuer: 'UBND xã Nà Tấu' }],
  sections: [
    {
      heading: 'Đối với giáo viên chủ nhiệm',
      tasks: ['Phổ biến tại tiết sinh hoạt lớp các thủ đoạn lừa đảo trực tuyến thường gặp;', 'Nhắc học sinh không cung cấp mật khẩu, mã OTP cho người khác.'],
    },
    {
      heading: 'Đối với học sinh',
      tasks: [
        'Không truy cập đường link lạ, không tham gia các trò chơi trực tuyến có nạp tiền.',
        'Báo ngay cho giáo viên chủ nhiệm khi bị đe doạ, dụ dỗ trên mạng.',
      ],
    },
    {
      heading: 'Đối với cha mẹ học sinh',
      tasks: ['Quản lý thiết bị di động của con em; không chuyển tiền theo yêu cầu của người lạ tự xưng là giáo viên.'],
    },
  ],
  closing: 'Mọi thông tin cần trao đổi, liên hệ thầy Đinh Văn Nam - Phó Hiệu trưởng, điện thoại 0912 678 345.',
  contacts: [{ name: 'Đinh Văn Nam', phone: '0912678345', title: 'Phó Hiệu trưởng' }],
  signer: { authority: null, title: 'HIỆU TRƯỞNG', name: 'Hà Thị Lan' },
  copiesTo: ['UBND xã (b/c)', 'GVCN các lớp (t/h)', 'Lưu: VT'],
};

const PLAN: ExpectedDispatch = {
  file: '06-ke-hoach-roman.txt',
  layout: 'Kế hoạch with I./1./a) levels in bold Markdown, "Căn cứ" and "Theo" lines, a two-line subject under the title',
  number: '45/KH-UBND',
  date: '2026-01-10',
  place: 'Thanh Nưa',
  issuer: 'ỦY BAN NHÂN DÂN XÃ THANH NƯA',
  governingBody: null,
  documentType: 'Kế hoạch',
  subject: 'Bảo đảm an toàn, an ninh mạng trong dịp Tết Nguyên đán Bính Ngọ và Đại hội Đảng bộ các cấp năm 2026',
  recipients: [],
  references: [
    { kind: 'căn cứ', documentType: 'Quyết định', number: '05/2017/QĐ-TTg', date: '2017-03-16', issuer: 'Thủ tướng Chính phủ' },
    { kind: 'theo', documentType: 'Kế hoạch', number: '20/KH-CAT', date: '2026-01-02', issuer: 'Công an tỉnh Điện Biên' },
  ],
  sections: [
    {
      part: 'MỤC ĐÍCH, YÊU CẦU',
      heading: 'Mục đích',
      tasks: [
        'Chủ động phòng ngừa, phát hiện, ngăn chặn các hoạt động tấn công mạng vào hệ thống thông tin của xã.',
        'Bảo đảm hệ thống thư điện tử, phần mềm quản lý văn bản hoạt động thông suốt.',
      ],
    },
    {
      part: 'MỤC ĐÍCH, YÊU CẦU',
      heading: 'Yêu cầu',
      tasks: ['Các cơ quan, đơn vị quán triệt đầy đủ nội dung Kế hoạch; phân công rõ người, rõ việc, rõ thời gian hoàn thành.'],
    },
    {
      part: 'NỘI DUNG THỰC HIỆN',
      heading: 'Trước Tết (từ ngày 15/01 đến ngày 10/02/2026)',
      tasks: ['Rà soát, cập nhật bản vá cho toàn bộ máy chủ, máy trạm.', 'Kiểm tra bảng điện tử công cộng, thay đổi mật khẩu quản trị mặc định.'],
    },
    {
      part: 'NỘI DUNG THỰC HIỆN',
      heading: 'Trong và sau Tết',
      tasks: [
        'Duy trì trực 24/7, tiếp nhận cảnh báo từ Trung tâm Giám sát an toàn, an ninh mạng.',
        'Khi xảy ra sự cố, báo cáo ngay về Công an xã để phối hợp ứng cứu.',
      ],
    },
    {
      part: 'TỔ CHỨC THỰC HIỆN',
      heading: 'Công an xã',
      tasks: ['Chủ trì, theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế hoạch; tổng hợp, báo cáo kết quả về UBND xã trước ngày 28/02/2026.'],
    },
    {
      part: 'TỔ CHỨC THỰC HIỆN',
      heading: 'Văn phòng HĐND và UBND xã',
      tasks: ['Bố trí cán bộ trực, bảo đảm hạ tầng mạng nội bộ hoạt động ổn định.'],
    },
  ],
  closing:
    'Trên đây là Kế hoạch bảo đảm an toàn, an ninh mạng trong dịp Tết Nguyên đán Bính Ngọ và Đại hội Đảng bộ các cấp năm 2026 của UBND xã; yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.',
  contacts: [],
  signer: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Giàng A Páo' },
  copiesTo: ['Công an tỉnh (b/c)', 'Các cơ quan, đơn vị', 'Lưu: VT'],
};

const ARTICLE_2 =
  'Tổ ứng cứu sự cố có nhiệm vụ tiếp nhận cảnh báo, điều phối xử lý sự cố an toàn thông tin mạng trên địa bàn phường; báo cáo Công an tỉnh khi xảy ra sự cố nghiêm trọng.';
const ARTICLE_3 =
  'Quyết định có hiệu lực kể từ ngày ký. Chánh Văn phòng HĐND và UBND phường, Trưởng Công an phường, các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.';

const DECISION: ExpectedDispatch = {
  file: '07-quyet-dinh-dieu.txt',
  layout: 'Quyết định: the signer’s title line under the subject, four grounds ("Căn cứ", "Xét đề nghị"), Điều 1/2/3 with a numbered list',
  number: '127/QĐ-UBND',
  date: '2026-02-25',
  place: 'Him Lam',
  issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG HIM LAM',
  governingBody: null,
  documentType: 'Quyết định',
  subject: 'thành lập Tổ ứng cứu sự cố an toàn thông tin mạng phường Him Lam',
  recipients: [],
  references: [
    { kind: 'căn cứ', documentType: 'Luật', number: null, date: '2025-06-16', issuer: null },
    { kind: 'căn cứ', documentType: 'Luật', number: null, date: '2018-06-12', issuer: null },
    { kind: 'căn cứ', documentType: 'Nghị định', number: '85/2016/NĐ-CP', date: '2016-07-01', issuer: 'Chính phủ' },
    { kind: 'xét đề nghị', documentType: 'Tờ trình', number: '09/TTr-CAP', date: '2026-02-20', issuer: 'Trưởng Công an phường' },
  ],
  sections: [
    {
      heading: 'Thành lập Tổ ứng cứu sự cố an toàn thông tin mạng phường Him Lam gồm các ông, bà có tên sau:',
      tasks: [
        'Ông Vũ Đình Khang, Phó Chủ tịch UBND phường - Tổ trưởng;',
        'Ông Lò Văn Dũng, Phó Trưởng Công an phường - Tổ phó;',
        'Bà Cầm Thị Hoa, công chức Văn phòng - Thành viên.',
      ],
    },
    { heading: ARTICLE_2, tasks: [ARTICLE_2] },
    { heading: ARTICLE_3, tasks: [ARTICLE_3] },
  ],
  closing: '',
  contacts: [],
  signer: { authority: null, title: 'CHỦ TỊCH', name: 'Vũ Thị Nga' },
  copiesTo: ['Như Điều 3', 'Công an tỉnh (PA05)', 'Lưu: VT'],
};

const DIRECTIVE_2 = 'Công an tỉnh hướng dẫn, kiểm tra việc thực hiện Chỉ thị này; tổng hợp, báo cáo Chủ tịch UBND tỉnh kết quả trước ngày 15/12/2026.';

const INSTRUCTION: ExpectedDispatch = {
  file: '10-chi-thi-web-footnotes.txt',
  layout: 'Chỉ thị of the provincial committee; web-style "[1]" footnotes listed after the signature',
  number: '03/CT-UBND',
  date: '2026-04-14',
  place: 'Điện Biên',
  issuer: 'ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN',
  governingBody: null,
  documentType: 'Chỉ thị',
  subject: 'tăng cường bảo vệ dữ liệu cá nhân trong cơ quan nhà nước trên địa bàn tỉnh',
  recipients: [],
  references: [],
  preambleIncludes: ['vẫn còn xảy ra (Năm 2025, Công an tỉnh phát hiện 14 vụ lộ, lọt dữ liệu cá nhân tại các cơ quan nhà nước).'],
  sections: [
    {
      heading: 'Thủ trưởng các sở, ban, ngành tỉnh, Chủ tịch UBND các xã, phường',
      tasks: [
        'Rà soát dữ liệu cá nhân đang xử lý, xác định người chịu trách nhiệm bảo vệ dữ liệu tại từng hệ thống.',
        'Thông báo cho Công an tỉnh trong vòng 72 giờ khi phát hiện vi phạm dữ liệu cá nhân (Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15).',
      ],
    },
    { heading: DIRECTIVE_2, tasks: [DIRECTIVE_2] },
  ],
  closing: 'Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc triển khai thực hiện Chỉ thị này./.',
  contacts: [],
  signer: { authority: null, title: 'CHỦ TỊCH', name: 'Lê Thành Đô' },
  copiesTo: ['Bộ Công an (b/c)', 'Các sở, ban, ngành tỉnh', 'UBND các xã, phường', 'Lưu: VT, NC'],
};

const GUIDANCE: ExpectedDispatch = {
  file: '11-huong-dan-contacts.txt',
  layout: 'Hướng dẫn of the provincial police under the ministry; ➢ ● * – + bullets; a list of contacts with a rank, "Ông" or no honorific and +84 phones',
  number: '1520/HD-CAT-PA05',
  date: '2026-05-06',
  place: 'Điện Biên',
  issuer: 'CÔNG AN TỈNH ĐIỆN BIÊN',
  governingBody: 'BỘ CÔNG AN',
  documentType: 'Hướng dẫn',
  subject: 'Quy trình tiếp nhận, xử lý cảnh báo mã độc từ Trung tâm Giám sát an toàn, an ninh mạng',
  recipients: [],
  references: [
    { kind: 'căn cứ', documentType: 'Nghị định', number: '85/2016/NĐ-CP', date: '2016-07-01', issuer: 'Chính phủ' },
    { kind: 'căn cứ', documentType: 'Thông tư', number: '12/2022/TT-BTTTT', date: '2022-08-12', issuer: 'Bộ Thông tin và Truyền thông' },
  ],
  sections: [
    {
      heading: 'Tiếp nhận cảnh báo',
      tasks: ['Cán bộ trực kiểm tra thư điện tử và nhóm Zalo cảnh báo ít nhất 02 lần/ngày.', 'Ghi sổ theo dõi: thời gian nhận, địa chỉ IP, loại mã độc.'],
    },
    {
      heading: 'Xử lý máy nhiễm mã độc',
      tasks: [
        'Ngắt kết nối mạng máy tính có địa chỉ IP bị cảnh báo.',
        'Quét toàn bộ máy bằng phần mềm phòng, chống mã độc; cài đặt lại hệ điều hành nếu không gỡ được.',
        'Báo cáo kết quả xử lý trong vòng 24 giờ.',
      ],
    },
  ],
  closing: [
    'Đầu mối hỗ trợ, các đơn vị liên hệ:',
    '- Thượng úy Mùa A Dình, cán bộ Đội An ninh mạng, điện thoại: +84 983 221 764;',
    '- Ông Phạm Minh Quân – Kỹ sư Trung tâm Giám sát, 0215.3.826.552;',
    '- Nguyễn Hải Yến, trực ban Trung tâm Giám sát: (+84) 215 3826 553.',
    'Trên đây là hướng dẫn của Công an tỉnh; đề nghị các cơ quan, đơn vị nghiêm túc thực hiện./.',
  ].join('\n'),
  contacts: [
    { name: 'Mùa A Dình', phone: '+84983221764', title: 'cán bộ Đội An ninh mạng' },
    { name: 'Phạm Minh Quân', phone: '02153826552', title: 'Kỹ sư Trung tâm Giám sát' },
    { name: 'Nguyễn Hải Yến', phone: '+842153826553', title: 'trực ban Trung tâm Giám sát' },
  ],
  signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Đại tá Hoàng Văn Tiến' },
  copiesTo: ['Các sở, ban, ngành tỉnh', 'UBND các xã, phường', 'Lưu: VT, PA05'],
};

const INVITATION: ExpectedDispatch = {
  file: '14-giay-moi.txt',
  layout: 'Giấy mời of the commune police under the commune; no blank lines; signer beside the last copy line',
  number: '14/GM-CAX',
  date: '2026-05-20',
  place: 'Nà Tấu',
  issuer: 'CÔNG AN XÃ',
  governingBody: 'UBND XÃ NÀ TẤU',
  documentType: 'Giấy mời',
  subject: 'Dự hội nghị tập huấn kỹ năng bảo đảm an toàn thông tin cho cán bộ phụ trách công nghệ thông tin',
  recipients: ['Cán bộ phụ trách công nghệ thông tin các cơ quan, đơn vị, trường học trên địa bàn xã'],
  references: [],
  sections: [
    {
      heading: '',
      tasks: [
        'Thời gian: 08 giờ 00 phút, ngày 27/5/2026 (thứ Tư).',
        'Địa điểm: Hội trường UBND xã Nà Tấu.',
        'Thành phần: mỗi cơ quan, đơn vị, trường học cử 01 cán bộ phụ trách công nghệ thông tin.',
      ],
    },
  ],
  closing: 'Đề nghị đại biểu mang theo máy tính xách tay và tham dự đúng thời gian./.',
  contacts: [],
  signer: { authority: null, title: 'TRƯỞNG CÔNG AN XÃ', name: 'Đại úy Lò Văn Hải' },
  copiesTo: ['Như trên', 'Lưu: CAX'],
};

const TELEGRAM_1 = 'Công an tỉnh chủ trì, phối hợp các doanh nghiệp viễn thông ngăn chặn nguồn tấn công; báo cáo kết quả trước 17 giờ ngày 31/01/2026.';
const TELEGRAM_2 = 'Các sở, ban, ngành, UBND các xã, phường không đăng tải tài liệu lên Cổng thông tin điện tử tỉnh cho đến khi có thông báo mới.';

const TELEGRAM: ExpectedDispatch = {
  file: '15-cong-dien.txt',
  layout: 'Công điện marked HỎA TỐC: recipients after "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:" instead of "Kính gửi"',
  number: '04/CĐ-UBND',
  date: '2026-01-30',
  place: 'Điện Biên',
  issuer: 'ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN',
  governingBody: null,
  documentType: 'Công điện',
  subject: 'ứng phó chiến dịch tấn công từ chối dịch vụ vào Cổng thông tin điện tử tỉnh',
  recipients: ['Giám đốc các sở, ban, ngành tỉnh', 'Chủ tịch UBND các xã, phường'],
  references: [],
  sections: [
    { heading: TELEGRAM_1, tasks: [TELEGRAM_1] },
    { heading: TELEGRAM_2, tasks: [TELEGRAM_2] },
  ],
  closing: 'Nhận được Công điện này, yêu cầu các cơ quan, đơn vị khẩn trương thực hiện./.',
  contacts: [],
  signer: { authority: null, title: 'CHỦ TỊCH', name: 'Lê Thành Đô' },
  copiesTo: ['Như trên', 'Bộ Công an (b/c)', 'Lưu: VT'],
};

export const TITLED_CORPUS: ExpectedDispatch[] = [SCHOOL, PLAN, DECISION, INSTRUCTION, GUIDANCE, INVITATION, TELEGRAM];
