import { describe, expect, it } from 'vitest';
import { parseDispatch } from '@khien/formats';
import { flagLowConfidence } from './confidence.js';
import { readingOrder, type PageText, type Word } from './layout.js';

const CHAR = 6;
const H = 12;

/** Words of a printed line starting at x, one character = 6 units, one space between words. */
function line(x: number, y: number, text: string, conf: number | null = null): Word[] {
  let at = x;
  return text.split(' ').map((t) => {
    const w = { text: t, x0: at, y0: y, x1: at + t.length * CHAR, y1: y + H, conf };
    at = w.x1 + CHAR;
    return w;
  });
}

/** A justified line: words spread so the line ends at `right`, as in a dispatch's body. */
function justified(x: number, y: number, text: string, right = 560): Word[] {
  const words = line(x, y, text);
  const slack = (right - words[words.length - 1]!.x1) / Math.max(1, words.length - 1);
  return words.map((w, i) => ({ ...w, x0: w.x0 + i * slack, x1: w.x1 + i * slack }));
}

const page = (lines: Word[][]): PageText => ({ width: 600, height: 840, lines });

describe('readingOrder', () => {
  it('reads the two header columns one after the other, then the body one paragraph per line', () => {
    const p = page([
      // OCR reads across both columns as one line; the wide gap splits them again
      [...line(60, 40, 'ỦY BAN NHÂN DÂN'), ...line(300, 40, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')],
      [...line(60, 56, 'PHƯỜNG MƯỜNG LAY'), ...line(320, 56, 'Độc lập - Tự do - Hạnh phúc')],
      [...line(70, 80, 'Số: 1082/UBND-CA'), ...line(310, 80, 'Mường Lay, ngày 05 tháng 3 năm 2026')],
      line(60, 96, 'V/v triển khai thực hiện văn bản'),
      line(60, 112, 'của Công an tỉnh'),
      line(100, 140, 'Kính gửi: Công an phường Mường Lay.'),
      // body: first-line indent, continuation at the margin, the last line short
      justified(90, 170, 'Thực hiện Công văn số 907/CAT-PA05 ngày 27/02/2026 của Công an tỉnh Điện Biên về'),
      line(60, 186, 'việc thông báo nguy cơ mất an toàn, an ninh mạng năm 2026 trên địa bàn phường.'),
      line(90, 202, '1. Công an phường'),
      justified(90, 218, '- Chủ trì, tham mưu UBND phường theo dõi, nắm tình hình trên không gian mạng'),
      line(60, 234, 'liên quan đến địa bàn.'),
    ]);
    const text = readingOrder([p]).text;
    expect(text.split('\n\n')).toEqual([
      'ỦY BAN NHÂN DÂN\nPHƯỜNG MƯỜNG LAY\nSố: 1082/UBND-CA\nV/v triển khai thực hiện văn bản\ncủa Công an tỉnh',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nMường Lay, ngày 05 tháng 3 năm 2026',
      'Kính gửi: Công an phường Mường Lay.',
      'Thực hiện Công văn số 907/CAT-PA05 ngày 27/02/2026 của Công an tỉnh Điện Biên về việc thông báo nguy cơ mất an toàn, an ninh mạng năm 2026 trên địa bàn phường.',
      '1. Công an phường',
      '- Chủ trì, tham mưu UBND phường theo dõi, nắm tình hình trên không gian mạng liên quan đến địa bàn.',
    ]);
    const parsed = parseDispatch(text);
    expect(parsed.number).toBe('1082/UBND-CA');
    expect(parsed.date).toBe('2026-03-05');
    expect(parsed.subject).toBe('triển khai thực hiện văn bản của Công an tỉnh');
    expect(parsed.recipients).toEqual(['Công an phường Mường Lay']);
  });

  it('joins a paragraph across a page break and drops the page number at the top of the next page', () => {
    const p1 = page([
      justified(90, 700, 'Tuyên truyền vận động Nhân dân nâng cao cảnh giác, không cung cấp thông tin cá'),
      justified(60, 716, 'nhân, mã OTP, tài khoản ngân hàng cho người lạ, không truy cập đường link lạ,'),
    ]);
    const p2 = page([
      line(297, 30, '2'),
      line(60, 70, 'không mở tệp đính kèm không rõ nguồn gốc.'),
      line(90, 86, 'Yêu cầu các đơn vị thực hiện nghiêm túc./.'),
    ]);
    const text = readingOrder([p1, p2]).text;
    expect(text).not.toMatch(/\b2\b(?! )/);
    expect(text.split('\n\n')).toEqual([
      'Tuyên truyền vận động Nhân dân nâng cao cảnh giác, không cung cấp thông tin cá nhân, mã OTP, tài khoản ngân hàng cho người lạ, không truy cập đường link lạ, không mở tệp đính kèm không rõ nguồn gốc.',
      'Yêu cầu các đơn vị thực hiện nghiêm túc./.',
    ]);
  });

  it('keeps a ragged line joined when the next word would not have fitted, and breaks when it would', () => {
    const text = readingOrder([
      page([
        line(90, 100, '- Ban Chỉ huy quân sự Huyện;'),
        line(90, 116, '- Các doanh nghiệp bưu chính, viễn thông trên địa bàn thành phố và các huyện lân cận'),
        line(90, 132, 'Huyện.'),
      ]),
    ]).text;
    expect(text.split('\n\n')).toEqual([
      '- Ban Chỉ huy quân sự Huyện;',
      '- Các doanh nghiệp bưu chính, viễn thông trên địa bàn thành phố và các huyện lân cận Huyện.',
    ]);
  });

  it('glues a reference broken after its hyphen and keeps a dash between words', () => {
    const text = readingOrder([
      page([
        justified(90, 100, 'Xét đề nghị của Phòng Văn hoá và Thông tin tại Công văn số 33/PVHTT-'),
        justified(60, 116, 'HC ngày 08/01/2024 về bảo đảm an toàn thông tin, quốc phòng -'),
        line(60, 132, 'an ninh trên địa bàn Huyện và các xã, thị trấn thuộc Huyện.'),
      ]),
    ]).text;
    expect(text).toContain('33/PVHTT-HC ngày');
    expect(text).toContain('quốc phòng - an ninh');
  });

  it('reads the footer as "Nơi nhận" then the signature block, even when printed side by side', () => {
    const p = page([
      line(90, 100, 'Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.'),
      [...line(60, 130, 'Nơi nhận:'), ...line(360, 130, 'TM. ỦY BAN NHÂN DÂN')],
      [...line(60, 146, '- Như trên;'), ...line(380, 146, 'KT. CHỦ TỊCH')],
      [...line(60, 162, '- Lãnh đạo VP HĐND và UBND'), ...line(375, 162, 'PHÓ CHỦ TỊCH')],
      line(70, 178, 'phường;'),
      [...line(60, 194, '- Lưu: VT, CA.'), ...line(380, 230, 'Lù Văn Ánh')],
    ]);
    const parsed = parseDispatch(readingOrder([p]).text);
    expect(parsed.copiesTo).toEqual(['Như trên', 'Lãnh đạo VP HĐND và UBND phường', 'Lưu: VT, CA']);
    expect(parsed.signer).toEqual({ authority: 'TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lù Văn Ánh' });
  });

  it('keeps every word with its confidence and its neighbours on the line', () => {
    const r = readingOrder([page([line(90, 100, 'Lù Văn Ánh', 41)])]);
    expect(r.words.map((w) => [w.text, w.conf, w.before, w.after])).toEqual([
      ['Lù', 41, '', 'Văn'],
      ['Văn', 41, 'Lù', 'Ánh'],
      ['Ánh', 41, 'Văn', ''],
    ]);
  });

  it('returns nothing for pages without words', () => {
    expect(readingOrder([page([]), page([])])).toEqual({ text: '', words: [] });
  });
});

describe('flagLowConfidence', () => {
  const fields = {
    subject: 'triển khai thực hiện văn bản của Công an tỉnh',
    'signer.name': 'Lù Văn Ánh',
    'sections.0.tasks.0.text': 'Tuyên truyền vận động Nhân dân, không cung cấp mã OTP.',
    recipientsText: 'Công an phường Mường Lay',
  };

  it('puts a doubtful word in the field that holds it with its neighbours', () => {
    const flagged = flagLowConfidence(
      fields,
      [
        { text: 'Ánh', conf: 40, page: 2, before: 'Văn', after: '' },
        { text: 'OTP.', conf: 55, page: 1, before: 'mã', after: '' },
      ],
      70,
    );
    expect(flagged).toEqual([
      { field: 'signer.name', words: ['Ánh'] },
      { field: 'sections.0.tasks.0.text', words: ['OTP.'] },
    ]);
  });

  it('ignores confident words, text-layer words and punctuation', () => {
    expect(
      flagLowConfidence(
        fields,
        [
          { text: 'Ánh', conf: 96, page: 1, before: 'Văn', after: '' },
          { text: 'Công', conf: null, page: 1, before: '', after: 'an' },
          { text: '—', conf: 10, page: 1, before: '', after: '' },
        ],
        70,
      ),
    ).toEqual([]);
  });

  it("picks the field by the word's place in the document when the phrase is in several fields", () => {
    const both = { recipientsText: 'Các Tổ dân phố, bản', 'sections.2.heading': 'Các Tổ dân phố, bản' };
    const printed = (lowAt: number) =>
      [0, 1].flatMap((k) =>
        readingOrder([page([line(90, 100, 'Các Tổ dân phố, bản', 95)])]).words.map((w) => ({ ...w, conf: k === lowAt && w.text === 'dân' ? 40 : 95 })),
      );
    expect(flagLowConfidence(both, printed(1), 70)).toEqual([{ field: 'sections.2.heading', words: ['dân'] }]);
    expect(flagLowConfidence(both, printed(0), 70)).toEqual([{ field: 'recipientsText', words: ['dân'] }]);
  });

  it('does not flag a short common word found alone in many fields', () => {
    expect(flagLowConfidence(fields, [{ text: 'an', conf: 20, page: 1, before: 'xyz', after: 'qqq' }], 70)).toEqual([]);
  });
});
