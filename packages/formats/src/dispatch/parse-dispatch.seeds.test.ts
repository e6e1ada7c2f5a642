import { describe, expect, it } from 'vitest';
import { looksLikeDispatch, parseDispatch, type ParsedDispatch } from './index.js';
import { readSeed } from './seed-variants.test-support.js';

interface ExpectedSection {
  heading: string;
  addressees: string | null;
  taskCount: number;
  firstTask: string;
}

function sectionSummary(p: ParsedDispatch): ExpectedSection[] {
  return p.sections.map((s) => ({
    heading: s.heading,
    addressees: s.addressees,
    taskCount: s.tasks.length,
    firstTask: s.tasks[0] ?? '',
  }));
}

describe('parseDispatch on dispatch-muong-lay-2026.txt', () => {
  const p = parseDispatch(readSeed('muong-lay-2026'));

  it('reads the header: number, place, date and subject, with no issuing-body block', () => {
    expect(p.number).toBe('1082/UBND-CA');
    expect(p.place).toBe('Mường Lay');
    expect(p.date).toBe('2026-03-05');
    expect(p.dateText).toBe('ngày 05 tháng 3 năm 2026');
    expect(p.issuer).toBeNull();
    expect(p.subject).toBe('triển khai thực hiện văn bản của Công an tỉnh về thông báo nguy cơ mất an toàn, an ninh mạng năm 2026');
  });

  it('reads the recipients, preamble and closing', () => {
    expect(p.recipients).toEqual(['Các cơ quan, đơn vị, trường học trên địa bàn phường', 'Các Tổ dân phố, bản']);
    expect(p.preamble.split('\n')).toEqual([
      'Thực hiện Công văn số 907/CAT-PA05, ngày 27/02/2026 của Công an tỉnh Điện Biên về việc thông báo nguy cơ mất an toàn, an ninh mạng năm 2026.',
      expect.stringMatching(/^Trước tình hình tội phạm sử dụng công nghệ cao.*UBND phường yêu cầu:$/),
    ]);
    expect(p.closing).toMatch(/^UBND phường yêu cầu các cơ quan, đơn vị, trường học, tổ dân phố, bản nghiêm túc/);
    expect(p.closing).toMatch(/xử lý theo quy định\.\/\.$/);
  });

  it('reads three sections, each headed by the group that must act', () => {
    expect(sectionSummary(p)).toEqual([
      {
        heading: 'Các cơ quan, đơn vị, trường học trên địa bàn phường',
        addressees: 'Các cơ quan, đơn vị, trường học trên địa bàn phường',
        taskCount: 3,
        firstTask: 'Tổ chức quán triệt, tuyên truyền nội dung văn bản của Công an tỉnh đến cán bộ, công chức, viên chức và Nhân dân (có Văn bản kèm theo).',
      },
      {
        heading: 'Công an phường',
        addressees: 'Công an phường',
        taskCount: 2,
        firstTask:
          'Chủ trì, tham mưu UBND phường theo dõi, nắm tình hình trên không gian mạng liên quan đến địa bàn; kịp thời phát hiện, xử lý hoặc đề xuất xử lý các hành vi vi phạm pháp luật theo quy định.',
      },
      {
        heading: 'Các Tổ dân phố, bản',
        addressees: 'Các Tổ dân phố, bản',
        taskCount: 2,
        firstTask:
          'Đẩy mạnh tuyên truyền qua các cuộc họp, sinh hoạt cộng đồng của bản/tổ dân phố, các nhóm Zalo cộng đồng về nguy cơ, thủ đoạn tội phạm công nghệ cao.',
      },
    ]);
  });

  it('reads the signature and copies, and finds no phone contact', () => {
    expect(p.signer).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Lù Văn Ánh',
    });
    expect(p.copiesTo).toEqual(['Như trên', 'Đảng ủy UBND phường', 'Lãnh đạo UBND phường', 'Lãnh đạo VP HĐND và UBND phường', 'Lưu: VT, CA']);
    expect(p.contacts).toEqual([]);
    expect(p.warnings).toEqual(['Không tìm thấy cơ quan ban hành']);
    expect(looksLikeDispatch(p)).toBe(true);
  });
});

describe('parseDispatch on dispatch-cao-lanh-2024.txt', () => {
  const p = parseDispatch(readSeed('cao-lanh-2024'));

  it('keeps the blank number and the blank day, and warns about both', () => {
    expect(p.number).toBe('/UBND-HC');
    expect(p.place).toBe('Cao Lãnh');
    expect(p.date).toBeNull();
    expect(p.dateText).toBe('ngày tháng 01 năm 2024');
    expect(p.warnings).toEqual(['Số văn bản để trống', 'Ngày ban hành để trống']);
  });

  it('reads the issuer from the left header column and joins the two-line subject', () => {
    expect(p.issuer).toBe('UỶ BAN NHÂN DÂN HUYỆN CAO LÃNH');
    expect(p.subject).toBe('đảm bảo an toàn thông tin mạng trong dịp Tết Nguyên đán');
  });

  it('reads the five recipients', () => {
    expect(p.recipients).toEqual([
      'Công an Huyện',
      'Ban Chỉ huy quân sự Huyện',
      'Các cơ quan chuyên môn, đơn vị sự nghiệp thuộc Ủy ban nhân dân Huyện',
      'Ủy ban nhân dân xã, thị trấn',
      'Các doanh nghiệp bưu chính, viễn thông trên địa bàn Huyện',
    ]);
    expect(p.preamble).toBe(
      'Xét đề nghị của Phòng Văn hoá và Thông tin tại Công văn số 33/PVHTT-HC ngày 08/01/2024 về tham mưu công văn chỉ đạo triển khai các giải pháp tăng cường công tác đảm bảo an toàn thông tin mạng trong dịp Tết Nguyên đán Giáp Thìn, Ủy ban nhân dân Huyện yêu cầu:',
    );
    expect(p.closing).toBe('Yêu cầu Thủ trưởng đơn vị, địa phương thực hiện nghiêm nội dung chỉ đạo tại Công văn này./.');
  });

  it('reads five sections from bold "**2.**" headings; a heading written as an instruction is a task too', () => {
    const heading5 =
      'Trong trường hợp cần hỗ trợ giám sát, xử lý, ứng cứu sự cố, các đơn vị, địa phương liên hệ với Phòng Văn hoá và Thông tin (qua số điện thoại 02773.822.202) để tiếp nhận, liên hệ hỗ trợ khắc phục.';
    const heading2 =
      'Các doanh nghiệp Bưu chính, viễn thông trên địa bàn Huyện bảo đảm nguồn nhân lực để trực giám sát, hỗ trợ và khắc phục sự cố bảo đảm hạ tầng viễn thông, internet an toàn, thông suốt; bảo vệ, phát hiện và ngăn chặn kịp thời hoạt động tấn công mạng, phát tán thông tin xấu độc, thông tin vi phạm pháp luật trên hệ thống thông tin, hạ tầng mạng lưới thuộc phạm vi quản lý.';
    const heading3 =
      'Giao Trưởng phòng Văn hoá và Thông tin theo dõi, đôn đốc, phối hợp hướng dẫn việc thực hiện; kịp thời báo cáo Ủy ban nhân dân Huyện những vấn đề phát sinh liên quan để nắm, chỉ đạo.';
    const heading4 =
      'Chủ tịch Ủy ban nhân dân xã, thị trấn tăng cường tuyên truyền trên các phương tiện thông tin về các thủ đoạn lợi dụng mạng xã hội để lừa đảo, khủng bố, xuyên tạc.';
    expect(sectionSummary(p)).toEqual([
      {
        heading: 'Thủ trưởng đơn vị, địa phương triển khai hoạt động bảo đảm an toàn thông tin mạng cụ thể như sau:',
        addressees: 'Thủ trưởng đơn vị, địa phương',
        taskCount: 4,
        firstTask:
          'Bảo đảm các biện pháp bảo vệ hệ thống thông tin được triển khai đầy đủ theo cấp độ an toàn; rà soát hệ thống thông tin thuộc phạm vi quản lý, vận hành gửi về Phòng Văn hoá và Thông tin để tổng hợp. Giám sát hệ thống, thường xuyên theo dõi, phối hợp với đơn vị liên quan xử lý, khắc phục kịp thời khi có tấn công mạng, cảnh báo mã độc được xác minh.',
      },
      {
        heading: heading2,
        addressees: 'Các doanh nghiệp Bưu chính, viễn thông trên địa bàn Huyện',
        taskCount: 3,
        firstTask: heading2,
      },
      { heading: heading3, addressees: 'Trưởng phòng Văn hoá và Thông tin', taskCount: 1, firstTask: heading3 },
      { heading: heading4, addressees: 'Chủ tịch Ủy ban nhân dân xã, thị trấn', taskCount: 3, firstTask: heading4 },
      { heading: heading5, addressees: 'Các đơn vị, địa phương', taskCount: 1, firstTask: heading5 },
    ]);
    expect(p.sections[1]?.tasks[1]).toMatch(/^Các doanh nghiệp cung ứng dịch vụ bưu chính thực hiện/);
    expect(p.sections[3]?.tasks[2]).toMatch(/^Phối hợp với doanh nghiệp cung cấp dịch vụ viễn thông/);
  });

  it('finds the support hotline, named after the unit that answers it', () => {
    expect(p.contacts).toEqual([{ name: 'Phòng Văn hoá và Thông tin', phone: '02773822202' }]);
  });

  it('reads the signature written after "Nơi nhận" in bold Markdown', () => {
    expect(p.signer).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Minh Tuấn',
    });
    expect(p.copiesTo).toEqual(['Như trên (thực hiện)', 'TT/HU, TT/HĐND Huyện', 'CT, các PCT/UBND Huyện', 'LĐVP, NC', 'Lưu: VT, VPUBND (L)']);
    expect(looksLikeDispatch(p)).toBe(true);
  });
});

describe('parseDispatch on dispatch-quang-ngai-2025.txt', () => {
  const p = parseDispatch(readSeed('quang-ngai-2025'));

  it('has no number, date, place, issuer or signature, and says so', () => {
    expect(p.number).toBeNull();
    expect(p.place).toBeNull();
    expect(p.date).toBeNull();
    expect(p.dateText).toBeNull();
    expect(p.issuer).toBeNull();
    expect(p.signer).toEqual({ authority: null, title: null, name: null });
    expect(p.warnings).toEqual([
      'Không tìm thấy số văn bản',
      'Không tìm thấy ngày ban hành',
      'Không tìm thấy cơ quan ban hành',
      'Danh sách "Kính gửi" lấy từ chú thích cuối văn bản (thay cho "Các cơ quan, đơn vị")',
      'Không tìm thấy người ký',
      'Văn bản có ký tự lỗi mã hoá (�), cần đối chiếu bản gốc',
    ]);
  });

  it('reads the subject from a tab-indented "Về việc" line', () => {
    expect(p.subject).toBe('tăng cường các biện pháp phòng, chống tấn công mạng, gián điệp mạng');
  });

  it('spells out "Kính gửi: Các cơ quan, đơn vị" from the footnote at the very end', () => {
    expect(p.recipients).toEqual([
      'Phòng Kinh tế',
      'phòng Văn hoá - Xã hội',
      'Trung tâm phục vụ hành chính công',
      'Trung tâm Văn hóa - Thể thao - Du lịch và Truyền thông xã',
      'Trung tâm dịch vụ nông nghiệp xã',
      'Ban Quản lý dự án và dịch vụ công ích xã',
      'Ban Chỉ huy quân sự xã',
      'Công an xã',
      'Uỷ ban Mặt trận Tổ quốc Việt Nam và các tổ chức đoàn thể xã',
    ]);
  });

  it('reads a two-paragraph preamble and four numbered paragraphs as sections', () => {
    expect(p.preamble.split('\n')).toHaveLength(2);
    expect(p.preamble).toMatch(/^Hiện nay, tình hình an ninh mạng/);
    expect(p.preamble).toMatch(/thực hiện một số nội dung sau:$/);
    const summary = sectionSummary(p);
    expect(summary.map((s) => [s.addressees, s.taskCount])).toEqual([
      [null, 2],
      [null, 1],
      ['Mỗi cơ quan, đơn vị', 1],
      ['Công an xã', 1],
    ]);
    expect(summary.map((s) => s.heading)).toEqual([
      'Tiếp tục quán triệt, triển khai thực hiện nghiêm túc các quy định của pháp luật, ý kiến chỉ đạo của Ban Thường vụ Tỉnh ủy, UBND Tỉnh và Đảng ủy xã về công tác bảo đảm an toàn thông tin, an ninh mạng, bảo vệ bí mật nhà nước. Phát huy vai trò, trách nhiệm của Thủ trưởng các cơ quan, đơn vị đối với công tác bảo đảm an toàn thông tin, an ninh mạng, bảo vệ bí mật nhà nước trên không gian mạng tại cơ quan, đơn vị mình. Xây dựng và hoàn thiện quy trình quản lý, cấp phát, thu hồi, sử dụng tài khoản công vụ, tài khoản truy cập hệ thống thông tin phục vụ hành chính công, dịch vụ công, một cửa. Xử lý nghiêm tập thể, cá nhân vi phạm quy định, quy chế để xảy ra tình trạng mất an toàn thông tin, an ninh mạng, lộ, mất thông tin, tài liệu nội bộ, bí mật nhà nước.',
      'Chủ động tự rà soát, triển khai các biện pháp khắc phục hạn chế, khuyết điểm trong công tác bảo đảm an toàn thông tin mạng, an ninh mạng, bảo vệ bí mật nhà nước trên không gian mạng tại cơ quan, đơn vị và lĩnh vực phụ trách. Kiểm tra, cập nhật phần mềm bảo mật cho toàn bộ thiết bị công vụ. Thiết lập chế độ sao lưu dữ liệu định kỳ, bảo vệ mật khẩu nghiêm ngặt, không chia sẻ thông tin tài khoản.',
      'Mỗi cơ quan, đơn vị cần cử ít nhất 01 cán bộ phụ trách công nghệ thông tin để theo dõi, phát hiện và báo cáo kịp thời các dấu hiệu bất thường về an ninh mạng. Tham gia đầy đủ các buổi tập huấn, bồi dưỡng chuyên môn khi có kế hoạch của cấp trên. Rà soát, phân loại, đánh giá toàn bộ hệ thống thông tin lại cơ quan, đơn vị với từng cấp độ an toàn thông tin theo Nghị định số 85/2016/NĐ-CP của Chính phủ; triển khai thay thế các giải pháp đảm bảo an ninh mạng đã lỗi thời bằng các giải pháp, thiết bị mới; trang bị thêm các giải pháp phòng, chống virus, mã độc.',
      'Công an xã chủ trì, hướng dẫn, đôn đốc các cơ quan, đơn vị triển khai nghiêm túc các nhiệm vụ được giao tại công văn này; báo cáo kết quả thực hiện về Công an tỉnh và UBND xã khi có yêu cầu.',
    ]);
    // Each numbered paragraph is an instruction, so it is the section's first task.
    expect(summary.every((s) => s.firstTask === s.heading)).toBe(true);
    expect(p.sections[0]?.tasks[1]).toBe(
      'Tổ chức tuyên truyền, phổ biến đến cán bộ, công chức, viên chức và nhân dân về các nguy cơ tấn công mạng và biện pháp phòng tránh. Khuyến khích sử dụng phần mềm diệt virus, không truy cập các đường link lạ, không mở tệp đính kèm không rõ nguồn gốc.',
    );
    expect(p.closing).toBe(
      'Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc. Trong quá trình thực hiện, phát sinh vướng mắc, bất cập hoặc liên quan đến tình hình an ninh, trật tự, kịp thời báo cáo UBND xã để theo dõi, chỉ đạo./.',
    );
  });

  it('reads "Nơi nhận" with blank lines between items and without the footnote', () => {
    expect(p.copiesTo).toEqual([
      'Như trên (t/h)',
      'UBND tỉnh (b/c)',
      'Thường trực Đảng ủy (b/c)',
      'Thường trực HĐND xã (b/c)',
      'Đ/c Chủ tịch và các Phó Chủ tịch',
      'LĐ, CVVP',
      'Lưu: VT',
    ]);
    expect(p.contacts).toEqual([]);
    expect(looksLikeDispatch(p)).toBe(true);
  });
});
