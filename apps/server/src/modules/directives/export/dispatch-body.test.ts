import { describe, expect, it } from 'vitest';
import { bodyLines } from './dispatch-docx.js';
import { formatVietnameseDateLine, partialDate } from './date-line.js';
import { governingLine } from '../directive-export.service.js';

describe('the dispatch body, each paragraph once', () => {
  it('never prints a heading again as its own task, nor a paragraph twice in a row', () => {
    const lines = bodyLines({
      preamble: 'Thực hiện Công văn số 907/CAT-PA05, UBND phường yêu cầu:\nThực hiện Công văn số 907/CAT-PA05, UBND phường yêu cầu:',
      sections: [
        { heading: '1. Công an phường', tasks: ['Công an phường:', '- Chủ trì, tham mưu UBND phường', 'Chủ trì, tham mưu UBND phường.'] },
        { heading: 'Các trường học', tasks: ['Tuyên truyền cho học sinh'] },
      ],
      closing: 'UBND phường yêu cầu các đơn vị nghiêm túc thực hiện',
    });
    expect(lines.map((l) => `${l.kind}: ${l.text}`)).toEqual([
      'preamble: Thực hiện Công văn số 907/CAT-PA05, UBND phường yêu cầu:',
      'heading: 1. Công an phường',
      'task: - Chủ trì, tham mưu UBND phường',
      'heading: 2. Các trường học',
      'task: - Tuyên truyền cho học sinh',
      'closing: UBND phường yêu cầu các đơn vị nghiêm túc thực hiện./.',
    ]);
  });

  it('keeps two different tasks that only start alike', () => {
    const lines = bodyLines({ preamble: '', sections: [{ heading: '', tasks: ['Rà soát máy chủ', 'Rà soát máy trạm'] }], closing: '' });
    expect(lines.map((l) => l.text)).toEqual(['- Rà soát máy chủ', '- Rà soát máy trạm']);
  });
});

describe('a date the clerk completes by hand', () => {
  it('keeps the month and year written and leaves the day blank, with the place', () => {
    expect(partialDate('ngày   tháng 01 năm 2024')).toBe('ngày      tháng 01 năm 2024');
    expect(formatVietnameseDateLine('Cao Lãnh', null, 'ngày tháng 01 năm 2024')).toBe('Cao Lãnh, ngày      tháng 01 năm 2024');
    expect(formatVietnameseDateLine('Cao Lãnh', null, 'ngày … tháng … năm 2024')).toBe('Cao Lãnh, ngày      tháng      năm 2024');
  });

  it('prints the full date when there is one, and the whole blank without anything written', () => {
    expect(formatVietnameseDateLine('Mường Lay', '2026-03-05', 'ngày tháng 01 năm 2024')).toBe('Mường Lay, ngày 05 tháng 3 năm 2026');
    expect(formatVietnameseDateLine(null, null, null)).toBe('Ngày    tháng    năm 20…');
  });
});

describe('the governing body line', () => {
  it('is the one the letter names, else the parent — but never above a People’s Committee', () => {
    expect(governingLine({ governingBody: 'Bộ Công an' }, 'police', 'Tỉnh Điện Biên')).toBe('BỘ CÔNG AN');
    expect(governingLine({ governingBody: null }, 'school', 'UBND phường Mường Lay')).toBe('UBND PHƯỜNG MƯỜNG LAY');
    expect(governingLine({ governingBody: null }, 'ward', 'Tỉnh Điện Biên')).toBeNull();
    expect(governingLine({ governingBody: '  ' }, 'commune', 'Tỉnh Điện Biên')).toBeNull();
    expect(governingLine({ governingBody: null }, 'province', null)).toBeNull();
  });
});
