import { describe, expect, it } from 'vitest';
import { resolveFootnotes } from './footnotes.js';
import { parseDispatch } from './index.js';

describe('resolveFootnotes', () => {
  it('puts a superscript note where its mark is, and drops the note lines', () => {
    expect(resolveFootnotes(['của Cục An toàn thông tin¹ về bảo đảm.', '', '¹ Nay là Cục An ninh mạng.'])).toEqual({
      lines: ['của Cục An toàn thông tin (Nay là Cục An ninh mạng) về bảo đảm.', ''],
      unresolved: [],
    });
  });

  it('reads "[1]" marks, Pandoc\'s "[^2]: …" notes and a note wrapped over two lines', () => {
    const { lines } = resolveFootnotes([
      'vẫn còn xảy ra[1]. Theo quy định [^2].',
      '[1] Năm 2025 phát hiện 14 vụ',
      'lộ, lọt dữ liệu.',
      '[^2]: Luật số 91/2025/QH15.',
    ]);
    expect(lines).toEqual(['vẫn còn xảy ra (Năm 2025 phát hiện 14 vụ lộ, lọt dữ liệu). Theo quy định (Luật số 91/2025/QH15).']);
  });

  it('leaves units, notes nobody points to, and "[n]" without a note as they are', () => {
    expect(resolveFootnotes(['Diện tích 20 m² và 3 m³.', '[5] không dùng.', 'Xem [7].'])).toEqual({
      lines: ['Diện tích 20 m² và 3 m³.', '[5] không dùng.', 'Xem [7].'],
      unresolved: [],
    });
  });

  it('drops a superscript whose note was not copied, and reports it', () => {
    expect(resolveFootnotes(['Mất trang³.'])).toEqual({ lines: ['Mất trang.'], unresolved: ['³'] });
  });

  it('warns about the missing note in the parse', () => {
    const p = parseDispatch('Số: 12/UBND-VP\nV/v thử\nKính gửi: Công an xã.\n\n1. Rà soát máy trạm².');
    expect(p.sections[0]?.tasks).toEqual(['Rà soát máy trạm.']);
    expect(p.warnings).toContain('Không tìm thấy nội dung chú thích ²');
  });
});
