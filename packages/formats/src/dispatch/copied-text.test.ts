import { describe, expect, it } from 'vitest';
import { parseDispatch } from './index.js';
import { removePageFurniture } from './pages.js';
import { unfoldPipeTables } from './tables.js';
import { closeSpaceBeforePunctuation, decodeEntities } from './web-text.js';

describe('text copied from a web page', () => {
  it.each([
    ['Công an&nbsp;gọi', 'Công an\u00a0gọi'],
    ['Bưu điện &amp; Viettel', 'Bưu điện & Viettel'],
    ['m&#7841;ng, &#272;ề nghị, &#x111;ồng', 'mạng, Đề nghị, đồng'],
    ['xã & nbsp ;để', 'xã \u00a0để'],
    ['escaped twice: &amp;nbsp;', 'escaped twice: \u00a0'],
    ['R&D, AT&T, & các, &copy;', 'R&D, AT&T, & các, &copy;'],
    ['&#0; &#xD800; &#99999999;', '&#0; &#xD800; &#99999999;'],
  ])('decodes "%s"', (raw, decoded) => {
    expect(decodeEntities(raw)).toBe(decoded);
  });

  it('closes the space a non-breaking space left before a comma or semicolon', () => {
    expect(closeSpaceBeforePunctuation('cộng đồng ; nhắc , và Số : 5 ;6')).toBe('cộng đồng; nhắc, và Số: 5 ;6');
  });

  it('gives the same draft with or without the entities', () => {
    const clean = 'Số: 12/UBND-VP\nV/v cảnh báo lừa đảo\nKính gửi: Công an xã; Bưu điện xã.\n1. Tuyên truyền đến Nhân dân; nhắc không cung cấp mã OTP.';
    const web = clean.replace(/ /g, '&nbsp;').replace('; nhắc', '&nbsp;; nhắc').replace('đ', '&#273;');
    expect(parseDispatch(web)).toEqual(parseDispatch(clean));
  });
});

describe('text copied from a PDF viewer', () => {
  it('drops page numbers and a running header that cites the letter, joining the broken sentence', () => {
    const lines = ['gửi danh sách về Sở', 'Công văn số 158/SKHCN-CNTT ngày 18/8/2025', '- 2 -', 'Khoa học và Công nghệ.', 'Trang 3/5', 'Hết.'];
    expect(removePageFurniture(lines, '158/SKHCN-CNTT')).toEqual(['gửi danh sách về Sở', 'Khoa học và Công nghệ.', 'Hết.']);
  });

  it('drops a running header repeated at each page break, and keeps "2." headings', () => {
    const lines = ['UBND XÃ A', '2', 'một.', 'UBND XÃ A', 'Page 3 of 4', '2. Công an xã'];
    expect(removePageFurniture(lines, null)).toEqual(['một.', '2. Công an xã']);
  });
});

describe('a .docx converted to Markdown pipe tables', () => {
  it('unfolds each row into its cells, a cell back into lines', () => {
    expect(
      unfoldPipeTables([
        '| ỦY BAN NHÂN DÂN **XÃ A** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM** **Độc lập - Tự do - Hạnh phúc** |',
        '|---|:---:|',
        '| *Nơi nhận:* - Như trên; - Lưu: VT. | **CHỦ TỊCH** **Lê Văn B** |',
        'a | b',
      ]),
    ).toEqual([
      'ỦY BAN NHÂN DÂN **XÃ A**',
      '**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**',
      '**Độc lập - Tự do - Hạnh phúc**',
      '',
      '*Nơi nhận:*',
      '- Như trên;',
      '- Lưu: VT.',
      '**CHỦ TỊCH**',
      '**Lê Văn B**',
      'a | b',
    ]);
  });
});
