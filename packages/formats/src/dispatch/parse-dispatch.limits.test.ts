import { describe, expect, it } from 'vitest';
import { MAX_DISPATCH_CHARS, parseDispatch } from './index.js';

/*
 * Big and hostile input: a 50-page letter, 500 tasks, and text built to make
 * a careless parser go quadratic. Correctness only; timings live in bench/.
 */

const HEADER = [
  'CÔNG AN TỈNH ĐIỆN BIÊN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'PHÒNG AN NINH MẠNG                          Độc lập - Tự do - Hạnh phúc',
  'Số: 900/PA05-Đ1                      Điện Biên, ngày 10 tháng 3 năm 2026',
  'V/v rà soát toàn bộ hệ thống thông tin',
  '',
  'Kính gửi: Các cơ quan, đơn vị trên địa bàn tỉnh.',
  '',
  'Thực hiện Kế hoạch số 35/KH-CAT ngày 25/02/2026 của Công an tỉnh Điện Biên, Phòng An ninh mạng đề nghị:',
  '',
].join('\n');
const FOOTER =
  '\nĐề nghị các đơn vị thực hiện./.\n\nNơi nhận:                          KT. TRƯỞNG PHÒNG\n- Như trên;                         PHÓ TRƯỞNG PHÒNG\n- Lưu: PA05.\n\n                                    Thiếu tá Trần Văn Bình';

function task(n: number): string {
  return `Rà soát hệ thống thông tin số ${n}, cập nhật bản vá cho máy chủ và máy trạm, bật tường lửa, sao lưu dữ liệu quan trọng và báo cáo kết quả về Công an tỉnh trước ngày 30/4/2026. Trường hợp phát hiện mã độc, cô lập máy tính, giữ nguyên hiện trạng và thông báo ngay cho Trung tâm Giám sát an toàn, an ninh mạng.`;
}

describe('a long dispatch', () => {
  it('reads 50 pages of 50 sections with 10 tasks each, page numbers between them', () => {
    const pages: string[] = [];
    for (let s = 1; s <= 50; s += 1) {
      const bullets = Array.from({ length: 10 }, (_v, i) => `- ${task((s - 1) * 10 + i + 1)}`);
      pages.push([`${s}. Các đơn vị nhóm ${s}`, ...bullets, '', `- ${s + 1} -`, ''].join('\n'));
    }
    const text = HEADER + pages.join('\n') + FOOTER;
    // A typed A4 page holds about 2,500 characters.
    expect(text.length).toBeGreaterThan(50 * 2500);
    const p = parseDispatch(text);
    expect(p.sections).toHaveLength(50);
    expect(p.sections.reduce((n, s) => n + s.tasks.length, 0)).toBe(500);
    expect(p.sections.every((s) => s.tasks.every((t) => !/ - \d+ -/.test(t)))).toBe(true);
    expect(p.references).toHaveLength(1);
    expect(p.signer.name).toBe('Thiếu tá Trần Văn Bình');
    expect(p.closing).toBe('Đề nghị các đơn vị thực hiện./.');
  });

  it('reads 500 numbered tasks, three-digit numbers included', () => {
    const items = Array.from({ length: 500 }, (_v, i) => `${i + 1}. ${task(i + 1)}`);
    const p = parseDispatch(HEADER + items.join('\n') + FOOTER);
    expect(p.sections).toHaveLength(500);
    expect(p.sections[499]?.tasks).toEqual([task(500)]);
  });

  it('reads only the first 2,000,000 characters, and says so', () => {
    const p = parseDispatch(HEADER + `${task(1)}\n`.repeat(Math.ceil(MAX_DISPATCH_CHARS / 150)) + FOOTER);
    expect(p.number).toBe('900/PA05-Đ1');
    expect(p.warnings).toContain('Văn bản dài hơn 2.000.000 ký tự, chỉ đọc phần đầu');
  });
});

describe('hostile input never throws', () => {
  const PARSE_FAILED = 'Không đọc được cấu trúc văn bản, cần nhập tay';

  it.each([
    ['one line of 400,000 characters', 'của '.repeat(100_000)],
    ['footnote marks and notes on every line', '¹ chú thích\ncó mark¹ và [1] và [^1]\n'.repeat(5_000)],
    ['entities everywhere', '&amp;&nbsp;& nbsp ;&#273;&#x111;&#99999999;&'.repeat(10_000)],
    ['pipes everywhere', '| a | b |\n|---|---|\n| **x** **y** | - z; - w |\n'.repeat(5_000)],
    ['a preamble of citations', `Thực hiện ${'Công văn số 1/UBND ngày 1/1/2026 của UBND tỉnh và '.repeat(5_000)}.`],
    ['page numbers and nothing else', '- 2 -\nTrang 3/5\n'.repeat(10_000)],
    ['headings without end', 'I. A\n1. B\na) c\n- d\nĐiều 1. e\n'.repeat(5_000)],
    ['contacts without end', 'liên hệ đồng chí Nguyễn Văn A, cán bộ, 0912.345.678; '.repeat(5_000)],
  ])('%s', (_label, text) => {
    const p = parseDispatch(text);
    expect(p.warnings).not.toContain(PARSE_FAILED);
    expect(Array.isArray(p.sections)).toBe(true);
  });
});
