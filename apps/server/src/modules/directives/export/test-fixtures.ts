import type { DispatchDoc, ReportDoc, ReportRecipient } from './types.js';

/** Công văn 1082/UBND-CA of UBND phường Mường Lay, 05/3/2026 (shared/seeds/dispatch-muong-lay-2026.txt), written out. */
export function buildMuongLayDispatch(overrides: Partial<DispatchDoc> = {}): DispatchDoc {
  return {
    parentBody: null,
    issuingBody: 'Ủy ban nhân dân phường Mường Lay',
    number: '1082/UBND-CA',
    place: 'Mường Lay',
    date: '2026-03-05',
    subject: 'triển khai thực hiện văn bản của Công an tỉnh về thông báo nguy cơ mất an toàn, an ninh mạng năm 2026',
    recipients: ['Các cơ quan, đơn vị, trường học trên địa bàn phường', 'Các Tổ dân phố, bản'],
    preamble: [
      'Thực hiện Công văn số 907/CAT-PA05, ngày 27/02/2026 của Công an tỉnh Điện Biên về việc thông báo nguy cơ mất an toàn, an ninh mạng năm 2026.',
      'Trước tình hình tội phạm sử dụng công nghệ cao, lừa đảo chiếm đoạt tài sản, tấn công mạng, phát tán mã độc, lộ lọt bí mật nhà nước và dữ liệu cá nhân có chiều hướng gia tăng. Để chủ động phòng ngừa, phát hiện, ngăn chặn và xử lý kịp thời các hành vi vi phạm pháp luật trên không gian mạng, bảo đảm an toàn hệ thống thông tin, dữ liệu phục vụ công tác chỉ đạo, điều hành và phát triển kinh tế, xã hội, quốc phòng - an ninh trên địa bàn, UBND phường yêu cầu:',
    ].join('\n'),
    sections: [
      {
        heading: 'Các cơ quan, đơn vị, trường học trên địa bàn phường',
        tasks: [
          'Tổ chức quán triệt, tuyên truyền nội dung văn bản của Công an tỉnh đến cán bộ, công chức, viên chức và Nhân dân (có Văn bản kèm theo).',
          'Tăng cường quản lý, sử dụng hệ thống thư điện tử công vụ, phần mềm quản lý văn bản; thường xuyên thay đổi mật khẩu; không truy cập đường Link, tiếp tin không rõ nguồn gốc.',
          'Chủ động rà soát, sao lưu dữ liệu quan trọng, kịp thời báo cáo UBND phường, Công an phường khi phát hiện dấu hiệu tấn công mạng, lộ lọt thông tin.',
        ],
      },
      {
        heading: 'Công an phường',
        tasks: [
          'Chủ trì, tham mưu UBND phường theo dõi, nắm tình hình trên không gian mạng liên quan đến địa bàn; kịp thời phát hiện, xử lý hoặc đề xuất xử lý các hành vi vi phạm pháp luật theo quy định.',
          'Tuyên truyền phương thức, thủ đoạn mới của tội phạm công nghệ cao, lừa đảo qua mạng, giả danh cơ quan nhà nước.',
        ],
      },
      {
        heading: 'Các Tổ dân phố, bản',
        tasks: [
          'Đẩy mạnh tuyên truyền qua các cuộc họp, sinh hoạt cộng đồng của bản/tổ dân phố, các nhóm Zalo cộng đồng về nguy cơ, thủ đoạn tội phạm công nghệ cao.',
          'Tuyên truyền vận động Nhân dân nâng cao cảnh giác, không cung cấp thông tin cá nhân, mã OTP, tài khoản ngân hàng cho người lạ.',
        ],
      },
    ],
    closing:
      'UBND phường yêu cầu các cơ quan, đơn vị, trường học, tổ dân phố, bản nghiêm túc triển khai thực hiện. Trong quá trình thực hiện nếu có khó khăn, vướng mắc hoặc phát hiện dấu hiệu tấn công mạng, sự cố an toàn thông tin, kịp thời báo cáo UBND phường (qua Công an phường) để được hướng dẫn, xử lý theo quy định./.',
    signer: { authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'Phó Chủ tịch', name: 'Lù Văn Ánh' },
    copiesTo: ['Như trên', 'Đảng ủy UBND phường', 'Lãnh đạo UBND phường', 'Lãnh đạo VP HĐND và UBND phường', 'Lưu: VT, CA'],
    ...overrides,
  };
}

const TASKS = ['Quán triệt, tuyên truyền nội dung văn bản', 'Thay đổi mật khẩu thư điện tử công vụ', 'Rà soát, sao lưu dữ liệu quan trọng'];
const ORGS = [
  'Trường THCS Sông Đà',
  'Trường Tiểu học Lay Nưa',
  'Trạm Y tế phường Mường Lay',
  'Tổ dân phố 1',
  'Tổ dân phố 2',
  'Bản Na Nát',
  'Bản Hồ Chim',
  'Công an phường Mường Lay',
];

/** n recipients of the Mường Lay directive with 3 tasks each, statuses varied. */
export function buildRecipients(n: number): ReportRecipient[] {
  return Array.from({ length: n }, (_, i) => {
    const name = i < ORGS.length ? ORGS[i]! : `Đơn vị số ${i + 1}`;
    const done = i % 4;
    return {
      orgName: name,
      status: done === 3 ? 'Đã chấp nhận' : done === 0 ? 'Quá hạn' : 'Đã gửi báo cáo',
      tasks: TASKS.map((text, t) => ({
        text,
        status: t < done ? 'Hoàn thành' : 'Chưa thực hiện',
        report: t < done ? `Đã ${text.toLocaleLowerCase('vi-VN')} cho toàn thể cán bộ, ngày 1${t}/3/2026.` : '',
      })),
    };
  });
}

/** The consolidated report on the Mường Lay directive, signed by the ward police that followed it up. */
export function buildMuongLayReport(overrides: Partial<ReportDoc> = {}, recipients = 8): ReportDoc {
  const perRecipient = buildRecipients(recipients);
  const tasks = perRecipient.flatMap((r) => r.tasks);
  const tasksDone = tasks.filter((t) => t.status === 'Hoàn thành').length;
  return {
    header: {
      parentBody: 'Công an tỉnh Điện Biên',
      issuingBody: 'Công an phường Mường Lay',
      number: '/BC-CAP',
      place: 'Mường Lay',
      date: '2026-03-20',
      subject: 'Kết quả thực hiện Công văn số 1082/UBND-CA ngày 05/3/2026 của UBND phường Mường Lay',
      recipients: ['Ủy ban nhân dân phường Mường Lay'],
      signer: { authority: 'KT. TRƯỞNG CÔNG AN PHƯỜNG', title: 'Phó Trưởng Công an phường', name: 'Lò Văn Thắng' },
      copiesTo: ['Như trên', 'Đội An ninh mạng, PA05 Công an tỉnh (để b/c)'],
    },
    directiveRef:
      'Công văn số 1082/UBND-CA ngày 05/3/2026 của UBND phường Mường Lay về triển khai thực hiện văn bản của Công an tỉnh về thông báo nguy cơ mất an toàn, an ninh mạng năm 2026',
    summary: {
      recipients: perRecipient.length,
      acknowledged: perRecipient.length - 1,
      submitted: perRecipient.filter((r) => r.status !== 'Quá hạn').length,
      accepted: perRecipient.filter((r) => r.status === 'Đã chấp nhận').length,
      overdue: perRecipient.filter((r) => r.status === 'Quá hạn').length,
      tasksDone,
      tasksTotal: tasks.length,
    },
    byGroup: [
      { label: 'Cơ quan, trường học', recipients: 3, accepted: 0, overdue: 1, tasksDone: 3, tasksTotal: 9 },
      { label: 'Tổ dân phố, bản', recipients: 4, accepted: 2, overdue: 1, tasksDone: 7, tasksTotal: 12 },
      { label: 'Công an phường', recipients: 1, accepted: 1, overdue: 0, tasksDone: 3, tasksTotal: 3 },
    ],
    perRecipient,
    notAcknowledged: ['Bản Hồ Chim'],
    generatedAt: '2026-03-20T07:30:00.000Z',
    ...overrides,
  };
}
