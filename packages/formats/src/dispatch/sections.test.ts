import { describe, expect, it } from 'vitest';
import { parseDispatch } from './index.js';

const HEAD = 'Số: 12/UBND-VP\nV/v bảo đảm an toàn thông tin\n\nKính gửi: Các cơ quan, đơn vị.\n\nUBND xã yêu cầu:\n\n';
const sectionsOf = (body: string) => parseDispatch(HEAD + body).sections;

describe('sections and tasks as a reader sees them', () => {
  it("makes a lead-in under a heading the section's intro, not a task", () => {
    expect(
      sectionsOf('1. Công tác tuyên truyền\nCác đơn vị tuyên truyền các nội dung sau:\n- Thủ đoạn giả danh Công an.\n- Thủ đoạn giả danh ngân hàng.'),
    ).toEqual([
      {
        heading: 'Công tác tuyên truyền',
        addressees: null,
        intro: 'Các đơn vị tuyên truyền các nội dung sau:',
        tasks: ['Thủ đoạn giả danh Công an.', 'Thủ đoạn giả danh ngân hàng.'],
      },
    ]);
  });

  it('splits "Group: instruction" into the group and its task, and drops a group\'s colon', () => {
    expect(
      sectionsOf('1. Công an xã: chủ trì rà soát máy trạm.\n2. Các trường học:\n- Tuyên truyền cho học sinh.').map((s) => [s.heading, s.addressees, s.tasks]),
    ).toEqual([
      ['Công an xã', 'Công an xã', ['Chủ trì rà soát máy trạm.']],
      ['Các trường học', 'Các trường học', ['Tuyên truyền cho học sinh.']],
    ]);
  });

  it('keeps the colon of a lead-in heading, whose bullets are its tasks', () => {
    expect(sectionsOf('1. Thủ trưởng các đơn vị thực hiện cụ thể như sau:\n- Rà soát.\n- Báo cáo.')[0]?.heading).toBe(
      'Thủ trưởng các đơn vị thực hiện cụ thể như sau:',
    );
  });

  it('keeps a task broken over lines or by ";" as one, and joins lower-case bullets that finish its sentence', () => {
    const body =
      'I. Các tổ dân phố\n1. Rà soát danh sách hộ gia đình;\ncập nhật số điện thoại.\n2. Phổ biến các thủ đoạn mới:\n- giả danh điện lực;\n- giả danh cơ quan thuế.\n3. Báo cáo Công an xã.';
    expect(sectionsOf(body)[0]?.tasks).toEqual([
      'Rà soát danh sách hộ gia đình; cập nhật số điện thoại.',
      'Phổ biến các thủ đoạn mới: giả danh điện lực; giả danh cơ quan thuế.',
      'Báo cáo Công an xã.',
    ]);
  });

  it("reads a plan's I./1./a) levels as sections under their part", () => {
    const body =
      'I. NỘI DUNG\n1. Trước Tết\na) Vá lỗ hổng.\nb) Đổi mật khẩu.\n2. Trong Tết\n- Trực 24/7.\nII. TỔ CHỨC THỰC HIỆN\n1. Công an xã\nTheo dõi, đôn đốc.';
    expect(sectionsOf(body).map((s) => [s.part, s.heading, s.tasks])).toEqual([
      ['NỘI DUNG', 'Trước Tết', ['Vá lỗ hổng.', 'Đổi mật khẩu.']],
      ['NỘI DUNG', 'Trong Tết', ['Trực 24/7.']],
      ['TỔ CHỨC THỰC HIỆN', 'Công an xã', ['Theo dõi, đôn đốc.']],
    ]);
  });

  it("reads a Quyết định's articles as sections, without the closing mark", () => {
    const p = parseDispatch(
      `${HEAD}Điều 1. Thành lập Tổ ứng cứu sự cố.\nĐiều 2. Công an xã, các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    );
    expect(p.sections.map((s) => s.tasks)).toEqual([
      ['Thành lập Tổ ứng cứu sự cố.'],
      ['Công an xã, các ông, bà có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.'],
    ]);
    expect(p.closing).toBe('');
  });

  it('puts a contact paragraph and the closing after the tasks, not among them', () => {
    const p = parseDispatch(
      `${HEAD}1. Công an xã\n- Rà soát máy trạm.\n\nTrong quá trình thực hiện, nếu có vướng mắc, liên hệ đồng chí Lò Văn A, số điện thoại 0912345678.\n\nUBND xã đề nghị thực hiện nghiêm./.`,
    );
    expect(p.sections[0]?.tasks).toEqual(['Rà soát máy trạm.']);
    expect(p.closing.split('\n')).toHaveLength(2);
    expect(p.contacts).toEqual([{ name: 'Lò Văn A', phone: '0912345678' }]);
  });

  it('keeps the paragraph under a titled heading as its task, with no closing after it', () => {
    expect(sectionsOf('1. Mục đích\n- Phòng ngừa.\n2. Yêu cầu\nQuán triệt đầy đủ nội dung.').map((s) => s.tasks)).toEqual([
      ['Phòng ngừa.'],
      ['Quán triệt đầy đủ nội dung.'],
    ]);
  });

  it('never prints a heading again as a separate task', () => {
    for (const s of sectionsOf('1. Công an xã\n- Rà soát.\n2. Các trường học tuyên truyền cho học sinh.')) {
      expect(s.tasks.filter((t) => t === s.heading).length).toBeLessThanOrEqual(1);
      if (s.tasks.includes(s.heading)) expect(s.tasks[0]).toBe(s.heading);
    }
  });
});

describe('recipients', () => {
  it('keeps an undashed line inside a dashed "Kính gửi" list', () => {
    const p = parseDispatch('Số: 12/UBND-VP\nV/v thử\nKính gửi:\n- Công an xã;\nCác trường học;\n- Các thôn, bản.\n\n1. Rà soát máy trạm.');
    expect(p.recipients).toEqual(['Công an xã', 'Các trường học', 'Các thôn, bản']);
  });

  it('reads the recipients of a Công điện', () => {
    const p = parseDispatch(
      'Số: 04/CĐ-UBND\nCÔNG ĐIỆN\nVề việc ứng phó tấn công mạng\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n- Giám đốc các sở;\n- Chủ tịch UBND các xã.\n\n1. Rà soát máy chủ.',
    );
    expect(p.recipients).toEqual(['Giám đốc các sở', 'Chủ tịch UBND các xã']);
    expect(p.documentType).toBe('Công điện');
  });
});
