import { describe, it, expect } from 'vitest';
import { balanceLines, textWidthPt } from './text-width.js';
import { cleanText, copiesToLines, dashList, formatCount, formatPercent, withEndMark } from './text.js';

describe('text helpers', () => {
  it('normalises to NFC, drops characters XML forbids and bounds the length', () => {
    expect(cleanText('Lù Văn Ánh'.normalize('NFD'))).toBe('Lù Văn Ánh');
    expect(cleanText('a\u0000b\u001Fc\uD800d')).toBe('abcd');
    expect(cleanText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('writes "Kính gửi" and "Nơi nhận" lists with ";" between and "." last, counting what it leaves out', () => {
    expect(dashList(['Công an phường;', '- Các Tổ dân phố, bản.'], 40, String)).toEqual(['- Công an phường;', '- Các Tổ dân phố, bản.']);
    const many = dashList(
      Array.from({ length: 10_000 }, (_, i) => `Đơn vị ${i}`),
      5,
      (rest) => `Các đơn vị khác (${formatCount(rest)})`,
    );
    expect(many).toEqual(['- Đơn vị 0;', '- Đơn vị 1;', '- Đơn vị 2;', '- Đơn vị 3;', '- Các đơn vị khác (9.996).']);
  });

  it('ends "Nơi nhận" with the archive line, adding "Lưu: VT." when there is none', () => {
    expect(copiesToLines(['Như trên', 'Lưu: VT, CA.', 'Lãnh đạo UBND phường'])).toEqual(['- Như trên;', '- Lãnh đạo UBND phường;', '- Lưu: VT, CA.']);
    expect(copiesToLines(['Như trên'])).toEqual(['- Như trên;', '- Lưu: VT.']);
    expect(copiesToLines([])).toEqual(['- Lưu: VT.']);
  });

  it('marks the end of a text with "./."', () => {
    expect(withEndMark('xử lý theo quy định./.')).toBe('xử lý theo quy định./.');
    expect(withEndMark('xử lý theo quy định.')).toBe('xử lý theo quy định./.');
    expect(withEndMark('xử lý theo quy định;')).toBe('xử lý theo quy định./.');
  });

  it('formats counts and percentages the Vietnamese way', () => {
    expect(formatCount(3321)).toBe('3.321');
    expect(formatCount(1_234_567)).toBe('1.234.567');
    expect(formatPercent(7, 8)).toBe('87,5%');
    expect(formatPercent(1, 3)).toBe('33,3%');
    expect(formatPercent(5, 5)).toBe('100%');
    expect(formatPercent(0, 0)).toBe('0%');
  });
});

describe('text width', () => {
  it('measures the motto as Times New Roman bold (about 56 mm at 13 pt)', () => {
    const mm = (textWidthPt('Độc lập - Tự do - Hạnh phúc', 13, true) * 25.4) / 72;
    expect(mm).toBeGreaterThan(53);
    expect(mm).toBeLessThan(59);
  });

  it('breaks a long issuing body where a clerk would', () => {
    expect(balanceLines('ỦY BAN NHÂN DÂN PHƯỜNG MƯỜNG LAY', 13, true, 190)).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG MƯỜNG LAY']);
    expect(balanceLines('CÔNG AN TỈNH ĐIỆN BIÊN', 13, false, 190)).toEqual(['CÔNG AN TỈNH ĐIỆN BIÊN']);
  });
});
