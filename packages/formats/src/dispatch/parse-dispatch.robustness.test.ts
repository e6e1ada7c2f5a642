import { describe, expect, it } from 'vitest';
import { looksLikeDispatch, MAX_DISPATCH_CHARS, parseDispatch } from './index.js';

interface DispatchParts {
  header: string;
  recipients: string;
  body: string;
  footer: string;
}

const BASE: DispatchParts = {
  header: [
    'UBND TỈNH ĐIỆN BIÊN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'CÔNG AN TỈNH                 Độc lập - Tự do - Hạnh phúc',
    '',
    'Số: 123/CAT-PA05             Điện Biên, ngày 05 tháng 3 năm 2026',
    'V/v cảnh báo chiến dịch tấn công',
    'có chủ đích vào thư điện tử công vụ',
  ].join('\n'),
  recipients: ['Kính gửi:', '- Sở Khoa học và Công nghệ;', '- UBND các huyện, thị xã, thành phố.'].join('\n'),
  body: [
    'Công an tỉnh nhận được thông tin về chiến dịch gửi thư giả mạo, đề nghị các đơn vị thực hiện:',
    '',
    '1. Các sở, ban, ngành tỉnh',
    '- Rà soát hộp thư công vụ, đổi mật khẩu các tài khoản nghi lộ lọt.',
    '- Báo cáo kết quả về Công an tỉnh (qua Phòng PA05, đồng chí Nguyễn Văn An, số điện thoại: 0912.345.678) trước ngày 10/3/2026.',
    '',
    '2. UBND các huyện, thị xã, thành phố chỉ đạo bộ phận một cửa không mở tệp đính kèm lạ.',
    '',
    'Đề nghị các đơn vị triển khai thực hiện./.',
  ].join('\n'),
  footer: [
    'Nơi nhận:                          KT. GIÁM ĐỐC',
    '- Như trên;                        PHÓ GIÁM ĐỐC',
    '- Lưu: VT, PA05.',
    '',
    '                                   Đại tá Trần Văn Bình',
  ].join('\n'),
};

/** A small dispatch in the shape of a provincial police warning; override any part. */
function buildDispatch(overrides: Partial<DispatchParts> = {}): string {
  const parts = { ...BASE, ...overrides };
  return [parts.header, '', parts.recipients, '', parts.body, '', parts.footer].join('\n');
}

describe('the synthetic dispatch itself', () => {
  const p = parseDispatch(buildDispatch());

  it('parses every field', () => {
    expect(p).toMatchObject({
      number: '123/CAT-PA05',
      place: 'Điện Biên',
      date: '2026-03-05',
      // the lower line is the issuing body; the line above it governs it
      issuer: 'CÔNG AN TỈNH',
      governingBody: 'UBND TỈNH ĐIỆN BIÊN',
      documentType: 'Công văn',
      subject: 'cảnh báo chiến dịch tấn công có chủ đích vào thư điện tử công vụ',
      recipients: ['Sở Khoa học và Công nghệ', 'UBND các huyện, thị xã, thành phố'],
      copiesTo: ['Như trên', 'Lưu: VT, PA05'],
      signer: { authority: 'KT. GIÁM ĐỐC', title: 'PHÓ GIÁM ĐỐC', name: 'Đại tá Trần Văn Bình' },
      contacts: [{ name: 'Nguyễn Văn An', phone: '0912345678' }],
      closing: 'Đề nghị các đơn vị triển khai thực hiện./.',
      warnings: [],
    });
    expect(p.sections.map((s) => [s.heading, s.addressees, s.tasks.length])).toEqual([
      ['Các sở, ban, ngành tỉnh', 'Các sở, ban, ngành tỉnh', 2],
      ['UBND các huyện, thị xã, thành phố chỉ đạo bộ phận một cửa không mở tệp đính kèm lạ.', 'UBND các huyện, thị xã, thành phố', 1],
    ]);
  });
});

describe('broken lines', () => {
  it('joins a line broken mid-sentence, but not a new bullet or heading', () => {
    const p = parseDispatch(
      buildDispatch({
        body: [
          'Đề nghị các đơn vị thực hiện:',
          '1. Các sở, ban,',
          'ngành tỉnh',
          '- Rà soát hộp thư công vụ, đổi mật khẩu',
          'các tài khoản nghi lộ lọt.',
          '- Bảo đảm an ninh mạng quốc phòng',
          '- an ninh trên địa bàn.',
          '2. Công an các huyện theo dõi, nắm tình hình.',
        ].join('\n'),
      }),
    );
    expect(p.sections[0]?.heading).toBe('Các sở, ban, ngành tỉnh');
    expect(p.sections[0]?.tasks).toEqual([
      'Rà soát hộp thư công vụ, đổi mật khẩu các tài khoản nghi lộ lọt.',
      'Bảo đảm an ninh mạng quốc phòng - an ninh trên địa bàn.',
    ]);
    expect(p.sections[1]?.addressees).toBe('Công an các huyện');
  });

  it('treats a lower-case line after a blank line as the rest of the sentence', () => {
    const p = parseDispatch(buildDispatch({ recipients: 'Kính gửi: Sở Thông tin và\n\ntruyền thông tỉnh.' }));
    expect(p.recipients).toEqual(['Sở Thông tin và truyền thông tỉnh']);
  });
});

describe('Markdown', () => {
  it('drops bold, italic and underscore markers everywhere', () => {
    const text = buildDispatch()
      .replace('Số:', '**Số:**')
      .replace('V/v', '*V/v*')
      .replace('Kính gửi:', '__Kính gửi:__')
      .replace('1. Các sở', '**1.** Các sở')
      .replace('Nơi nhận:', '***Nơi nhận:***')
      .replace('Đại tá Trần Văn Bình', '**Đại tá Trần Văn Bình**');
    const p = parseDispatch(text);
    expect(p.number).toBe('123/CAT-PA05');
    expect(p.subject).toBe('cảnh báo chiến dịch tấn công có chủ đích vào thư điện tử công vụ');
    expect(p.recipients).toHaveLength(2);
    expect(p.sections[0]?.heading).toBe('Các sở, ban, ngành tỉnh');
    expect(p.copiesTo).toEqual(['Như trên', 'Lưu: VT, PA05']);
    expect(p.signer.name).toBe('Đại tá Trần Văn Bình');
  });

  it('reads "* item" as a bullet', () => {
    const p = parseDispatch(buildDispatch({ body: 'Đề nghị:\n\n* Rà soát hộp thư.\n* Đổi mật khẩu.' }));
    expect(p.sections).toEqual([{ heading: '', addressees: null, tasks: ['Rà soát hộp thư.', 'Đổi mật khẩu.'] }]);
  });
});

describe('OCR slips', () => {
  it.each([
    ['S6:', (t: string) => t.replace('Số:', 'S6:')],
    ['Sô:', (t: string) => t.replace('Số:', 'Sô:')],
    ['a stray space in the number', (t: string) => t.replace('123/CAT-PA05', '123 /CAT - PA05')],
    ['Kinh gui', (t: string) => t.replace('Kính gửi', 'Kinh gui')],
    ['Kính gứi', (t: string) => t.replace('Kính gửi', 'Kính gứi')],
    ['Noi nhan', (t: string) => t.replace('Nơi nhận', 'Noi nhan')],
    ['V/V', (t: string) => t.replace('V/v', 'V/V')],
    ['V.v', (t: string) => t.replace('V/v', 'V.v')],
    ['a date without diacritics', (t: string) => t.replace('ngày 05 tháng 3 năm', 'ngay 05 thang 3 nam')],
  ])('%s', (_label, slip) => {
    const p = parseDispatch(slip(buildDispatch()));
    expect(p.number).toBe('123/CAT-PA05');
    expect(p.date).toBe('2026-03-05');
    expect(p.place).toBe('Điện Biên');
    expect(p.subject).toBe('cảnh báo chiến dịch tấn công có chủ đích vào thư điện tử công vụ');
    expect(p.recipients).toEqual(['Sở Khoa học và Công nghệ', 'UBND các huyện, thị xã, thành phố']);
    expect(p.copiesTo).toEqual(['Như trên', 'Lưu: VT, PA05']);
  });
});

describe('encodings and whitespace', () => {
  const expected = parseDispatch(buildDispatch());

  it.each([
    ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')],
    ['old Mac CR', (t: string) => t.replace(/\n/g, '\r')],
    ['NBSP', (t: string) => t.replace(/(\S) (\S)/g, '$1\u00a0$2')],
    ['tabs between columns', (t: string) => t.replace(/ {10,}/g, '\t\t')],
    ['NFD', (t: string) => t.normalize('NFD')],
    ['a byte-order mark and zero-width spaces', (t: string) => `\ufeff${t.replace(/Kính/, 'Kí\u200bnh')}`],
  ])('%s', (_label, change) => {
    const p = parseDispatch(change(buildDispatch()));
    expect(p).toEqual(expected);
  });

  it('returns NFC text for NFD input', () => {
    const p = parseDispatch(buildDispatch().normalize('NFD'));
    expect(p.subject?.normalize('NFC')).toBe(p.subject);
    expect(p.signer.name).toBe('Đại tá Trần Văn Bình');
  });
});

describe('number and date', () => {
  it('keeps a number left blank and warns', () => {
    const p = parseDispatch(buildDispatch().replace('123/CAT-PA05', '/CAT-PA05'));
    expect(p.number).toBe('/CAT-PA05');
    expect(p.warnings).toContain('Số văn bản để trống');
  });

  it('keeps a number left blank with spaces reserved for handwriting', () => {
    const p = parseDispatch(buildDispatch().replace('Số: 123/CAT-PA05', 'Số:      /CAT-PA05'));
    expect(p.number).toBe('/CAT-PA05');
  });

  it.each([
    ['ngày 05 tháng 3 năm 2026', '2026-03-05'],
    ['ngày 5/3/2026', '2026-03-05'],
    ['ngày 05-03-2026', '2026-03-05'],
    ['ngày 5 tháng 03 năm 2026', '2026-03-05'],
    ['ngay 05 thang 3 nam 2026', '2026-03-05'],
  ])('reads "%s"', (written, iso) => {
    const p = parseDispatch(buildDispatch().replace('ngày 05 tháng 3 năm 2026', written));
    expect(p.date).toBe(iso);
    expect(p.dateText).toBe(written);
    expect(p.place).toBe('Điện Biên');
  });

  it('keeps a date whose day is left blank as written, with no ISO date', () => {
    const p = parseDispatch(buildDispatch().replace('ngày 05 tháng 3 năm 2026', 'ngày   tháng 01 năm 2024'));
    expect(p.date).toBeNull();
    expect(p.dateText).toBe('ngày   tháng 01 năm 2024');
    expect(p.warnings).toContain('Ngày ban hành để trống');
  });

  it('rejects an impossible date', () => {
    const p = parseDispatch(buildDispatch().replace('ngày 05 tháng 3 năm 2026', 'ngày 31 tháng 02 năm 2026'));
    expect(p.date).toBeNull();
    expect(p.warnings).toContain('Ngày ban hành không hợp lệ: "ngày 31 tháng 02 năm 2026"');
  });
});

describe('two-column header', () => {
  const expected = parseDispatch(buildDispatch());

  it('reads the columns interleaved line by line', () => {
    const header = [
      'UBND TỈNH ĐIỆN BIÊN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'CÔNG AN TỈNH',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 123/CAT-PA05',
      'Điện Biên, ngày 05 tháng 3 năm 2026',
      'V/v cảnh báo chiến dịch tấn công',
      'có chủ đích vào thư điện tử công vụ',
    ].join('\n');
    expect(parseDispatch(buildDispatch({ header }))).toEqual(expected);
  });

  it('reads each column run together on one line', () => {
    const header = [
      'UBND TỈNH ĐIỆN BIÊN CÔNG AN TỈNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
      'Số: 123/CAT-PA05 Điện Biên, ngày 05 tháng 3 năm 2026',
      'V/v cảnh báo chiến dịch tấn công có chủ đích vào thư điện tử công vụ',
    ].join('\n');
    const p = parseDispatch(buildDispatch({ header }));
    expect(p.issuer).toBe('CÔNG AN TỈNH');
    expect(p.governingBody).toBe('UBND TỈNH ĐIỆN BIÊN');
    expect(p.number).toBe('123/CAT-PA05');
    expect(p.place).toBe('Điện Biên');
    expect(p.date).toBe('2026-03-05');
    expect(p.subject).toBe(expected.subject);
  });

  it('reads the date beside the subject', () => {
    const header = [
      'CÔNG AN TỈNH ĐIỆN BIÊN',
      'Số: 123/CAT-PA05',
      'V/v cảnh báo chiến dịch tấn công         Điện Biên, ngày 05 tháng 3 năm 2026',
      'có chủ đích vào thư điện tử công vụ',
    ].join('\n');
    const p = parseDispatch(buildDispatch({ header }));
    expect(p.subject).toBe(expected.subject);
    expect(p.date).toBe('2026-03-05');
  });
});

describe('sections', () => {
  it('makes one untitled section from bullets when nothing is numbered', () => {
    const p = parseDispatch(buildDispatch({ body: 'Đề nghị các đơn vị:\n\n- Rà soát hộp thư.\n- Đổi mật khẩu.\n\nĐề nghị thực hiện nghiêm./.' }));
    expect(p.preamble).toBe('Đề nghị các đơn vị:');
    expect(p.sections).toEqual([{ heading: '', addressees: null, tasks: ['Rà soát hộp thư.', 'Đổi mật khẩu.'] }]);
    expect(p.closing).toBe('Đề nghị thực hiện nghiêm./.');
  });

  it('reads a) b) items and a topic heading without an addressee', () => {
    const p = parseDispatch(buildDispatch({ body: '1. Về công tác tuyên truyền\na) Tuyên truyền trên loa truyền thanh.\nb) Đăng tải trên Cổng thông tin.' }));
    expect(p.sections).toEqual([
      {
        heading: 'Về công tác tuyên truyền',
        addressees: null,
        tasks: ['Tuyên truyền trên loa truyền thanh.', 'Đăng tải trên Cổng thông tin.'],
      },
    ]);
  });

  it('uses Roman numerals as sections when present, with numbered items as tasks', () => {
    const p = parseDispatch(
      buildDispatch({
        body: 'I. Công an các huyện\n1. Nắm tình hình trên mạng.\n2. Xử lý tin giả.\nII. Các doanh nghiệp viễn thông\n1. Trực 24/7.',
      }),
    );
    expect(p.sections.map((s) => [s.heading, s.addressees, s.tasks])).toEqual([
      ['Công an các huyện', 'Công an các huyện', ['Nắm tình hình trên mạng.', 'Xử lý tin giả.']],
      ['Các doanh nghiệp viễn thông', 'Các doanh nghiệp viễn thông', ['Trực 24/7.']],
    ]);
  });

  it('reads a one-line "Kính gửi" list split by semicolons', () => {
    const p = parseDispatch(buildDispatch({ recipients: 'Kính gửi: Sở Tài chính; Sở Y tế; Công an tỉnh.' }));
    expect(p.recipients).toEqual(['Sở Tài chính', 'Sở Y tế', 'Công an tỉnh']);
  });
});

describe('contacts', () => {
  const contactsIn = (sentence: string) => parseDispatch(buildDispatch({ body: `1. Các đơn vị báo cáo kết quả.\n\n${sentence}` })).contacts;

  it.each([
    ['Liên hệ đồng chí Nguyễn Văn A, số điện thoại: 0912.345.678.', 'Nguyễn Văn A', '0912345678'],
    ['Đầu mối: Đại úy Trần Văn B - SĐT 0987654321.', 'Trần Văn B', '0987654321'],
    ['Liên hệ Công an tỉnh (ĐT: 0215 3822 113) khi cần.', 'Công an tỉnh', '02153822113'],
    ['Đường dây nóng của Công an tỉnh: +84 215 3822 113.', 'Công an tỉnh', '+842153822113'],
    ['Gọi ông Lò Văn Sơn 0987-654-321 để được hỗ trợ.', 'Lò Văn Sơn', '0987654321'],
  ])('%s', (sentence, name, phone) => {
    expect(contactsIn(sentence)).toEqual([{ name, phone }]);
  });

  it('gives a second number written with "hoặc" to the same person', () => {
    expect(contactsIn('Liên hệ đồng chí Nguyễn Văn A (0912.345.678 hoặc 0205.3821.234).')).toEqual([
      { name: 'Nguyễn Văn A', phone: '0912345678' },
      { name: 'Nguyễn Văn A', phone: '02053821234' },
    ]);
  });

  it("takes an unnamed hotline to be the issuer's, and leaves a bare number unnamed", () => {
    expect(contactsIn('Báo cáo qua đường dây nóng 0215.3822.113.')).toEqual([{ name: 'CÔNG AN TỈNH', phone: '02153822113' }]);
    expect(contactsIn('Gọi 0912345678 khi cần.')).toEqual([{ name: '', phone: '0912345678' }]);
  });

  it('does not read dates, document numbers or amounts as phones', () => {
    expect(contactsIn('Thực hiện Công văn số 33/PVHTT-HC ngày 08/01/2024, Nghị định số 85/2016/NĐ-CP; hỗ trợ 1.000.000 đồng.')).toEqual([]);
  });
});

describe('signature block', () => {
  it('reads a signer without "KT." and skips "(Đã ký)"', () => {
    const footer = 'Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\n\nNguyễn Văn Sơn';
    expect(parseDispatch(buildDispatch({ footer })).signer).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'CHỦ TỊCH',
      name: 'Nguyễn Văn Sơn',
    });
  });

  it('reads the signature before "Nơi nhận" as well as after it', () => {
    const footer = 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nLê Thị Hoa\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.';
    const p = parseDispatch(buildDispatch({ footer }));
    expect(p.signer).toEqual({ authority: 'KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lê Thị Hoa' });
    expect(p.copiesTo).toEqual(['Như trên', 'Lưu: VT']);
  });
});

describe('size bounds', () => {
  it('reads only the first 2,000,000 characters and says so', () => {
    const text = buildDispatch() + '\n' + 'x'.repeat(MAX_DISPATCH_CHARS);
    const p = parseDispatch(text);
    expect(p.number).toBe('123/CAT-PA05');
    expect(p.warnings).toContain('Văn bản dài hơn 2.000.000 ký tự, chỉ đọc phần đầu');
  });
});

describe('looksLikeDispatch', () => {
  it.each([
    ['empty text', ''],
    ['whitespace', '   \n\t\n'],
    ['a recipe', 'Phở bò\n\nNguyên liệu:\n- 500g xương bò;\n- 200g thịt thăn.\n\nCách làm:\n1. Ninh xương 6 tiếng.\n2. Thái thịt mỏng.'],
    ['random words', 'lorem ipsum dolor sit amet\nconsectetur adipiscing elit\n42'],
    ['a news paragraph', 'Ngày 5/3/2026, Công an tỉnh cho biết đã triệt phá đường dây lừa đảo qua mạng.'],
  ])('is false for %s', (_label, text) => {
    expect(looksLikeDispatch(parseDispatch(text))).toBe(false);
  });

  it('is true for the synthetic dispatch', () => {
    expect(looksLikeDispatch(parseDispatch(buildDispatch()))).toBe(true);
  });
});
