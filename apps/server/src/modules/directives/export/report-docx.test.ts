import fs from 'node:fs';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { buildReportDocx } from './index.js';
import { buildMuongLayReport } from './test-fixtures.js';
import {
  createRenderer,
  findWord,
  pdfFonts,
  pdfPageCount,
  pdfPageText,
  pdfPageWords,
  readZipPart,
  renderPagePng,
  requireTools,
  type Renderer,
} from './test-render.js';

const texts = (xml: string): string[] => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
const paragraphs = (xml: string): string[] => [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map((m) => texts(m[0]).join(''));

describe('buildReportDocx', () => {
  let xml: string;

  beforeAll(async () => {
    xml = await readZipPart(await buildReportDocx(buildMuongLayReport()), 'word/document.xml');
  });

  it('is a báo cáo in the Decree 30 layout: header, title, "Kính gửi", sections I–III, footer', () => {
    const all = paragraphs(xml);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'CÔNG AN TỈNH ĐIỆN BIÊN',
      'Số:      /BC-CAP',
      'Mường Lay, ngày 20 tháng 3 năm 2026',
      'BÁO CÁO',
      'Kết quả thực hiện Công văn số 1082/UBND-CA ngày 05/3/2026 của UBND phường Mường Lay',
      'Kính gửi: Ủy ban nhân dân phường Mường Lay.',
      'I. Tình hình triển khai',
      'Công văn được gửi đến 8 cơ quan, đơn vị; đã có 7 đơn vị xác nhận đã nhận (đạt 87,5%), 1 đơn vị chưa xác nhận.',
      'Có 6 đơn vị đã gửi báo cáo kết quả thực hiện (đạt 75%), trong đó 2 báo cáo đã được chấp nhận; 2 đơn vị quá hạn báo cáo.',
      'Các đơn vị đã hoàn thành 12/24 lượt nhiệm vụ được giao (đạt 50%).',
      'II. Kết quả theo đơn vị',
      'III. Đơn vị chưa xác nhận',
      '- Bản Hồ Chim./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
      'KT. TRƯỞNG CÔNG AN PHƯỜNGPHÓ TRƯỞNG CÔNG AN PHƯỜNG',
      'Lò Văn Thắng',
    ]) {
      expect(all, expected).toContain(expected);
    }
    expect(all.some((p) => p.startsWith('Thực hiện Công văn số 1082/UBND-CA') && p.includes('14 giờ 30 phút ngày 20/3/2026'))).toBe(true);
    expect(all).not.toContain(expect.stringMatching(/^V\/v/));
  });

  it('has the bordered tables by group (with a total row) and by organisation × task', () => {
    const tables = [...xml.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map((m) => m[0]);
    // header, by group, by organisation, footer
    expect(tables).toHaveLength(4);
    const [, byGroup, byOrg] = tables as [string, string, string];
    expect(byGroup).toMatch(/<w:tblBorders><w:top w:val="single"/);
    expect(paragraphs(byGroup)).toEqual(expect.arrayContaining(['Cơ quan, trường học', '33,3%', 'Tổng cộng', '12/24']));
    const rows = [...byOrg.matchAll(/<w:tr>.*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(1 + 8 * 3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(paragraphs(rows[0]!)).toEqual(['STT', 'Đơn vị', 'Nhiệm vụ', 'Trạng thái', 'Kết quả báo cáo']);
    // the organisation's cells are merged down its three tasks
    expect(rows[1]).toMatch(/<w:vMerge w:val="restart"\/>/);
    expect(rows[2]).toMatch(/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/);
    expect(paragraphs(byOrg)).toEqual(expect.arrayContaining(['Trường THCS Sông Đà', 'Quá hạn', 'Rà soát, sao lưu dữ liệu quan trọng']));
  });

  it('caps the organisation table at 2,000 rows and the unacknowledged list for 10,000 recipients, and says so', async () => {
    const notAcknowledged = Array.from({ length: 10_000 }, (_, i) => `Đơn vị chưa xác nhận số ${i + 1}`);
    const docx = await buildReportDocx(buildMuongLayReport({ notAcknowledged }, 10_000));
    const big = await readZipPart(docx, 'word/document.xml');
    const all = paragraphs(big);
    expect(all).toContain(
      'Bảng dưới đây chỉ liệt kê 2.000 dòng đầu tiên trên tổng số 30.000 dòng (đơn vị × nhiệm vụ); danh sách đầy đủ xem tại tệp Excel kèm theo.',
    );
    const byOrg = [...big.matchAll(/<w:tbl>.*?<\/w:tbl>/g)][2]?.[0] ?? '';
    expect([...byOrg.matchAll(/<w:tr>/g)]).toHaveLength(1 + 2_000);
    expect(all).toContain('- Và 9.501 đơn vị khác (xem tệp Excel kèm theo)./.');
    expect(docx.length).toBeLessThan(2_000_000);
  });

  it('does not repeat "Báo cáo" under the title', async () => {
    const r = buildMuongLayReport();
    r.header.subject = 'báo cáo kết quả thực hiện Công văn số 1082/UBND-CA';
    const all = paragraphs(await readZipPart(await buildReportDocx(r), 'word/document.xml'));
    expect(all).toContain('Kết quả thực hiện Công văn số 1082/UBND-CA');
    expect(all.filter((p) => /^báo cáo/i.test(p))).toEqual(['BÁO CÁO']);
  });

  it('says so when every organisation has acknowledged', async () => {
    const all = paragraphs(await readZipPart(await buildReportDocx(buildMuongLayReport({ notAcknowledged: [] })), 'word/document.xml'));
    expect(all).toContain('Tất cả các đơn vị đã xác nhận đã nhận Công văn./.');
  });
});

describe('the report rendered by LibreOffice', () => {
  let renderer: Renderer;
  let pdf: string;

  beforeAll(async () => {
    requireTools();
    renderer = createRenderer();
    const converted = renderer.toPdf({ report: await buildReportDocx(buildMuongLayReport()) });
    pdf = converted.pdfs.report!;
    console.info(`LibreOffice: report DOCX → PDF in ${converted.ms} ms`);
  });
  afterAll(() => renderer?.cleanup());

  it('shows the header, number, title and "Kính gửi" on page 1 and the signer on the last page, on the right', () => {
    const first = pdfPageText(pdf, 1);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      '/BC-CAP',
      'BÁO CÁO',
      'Kính gửi:',
      'I. Tình hình triển khai',
    ]) {
      expect(first).toContain(expected);
    }
    const words = pdfPageWords(pdf, 1);
    expect(Math.abs(findWord(words, 'CÔNG').yMin - findWord(words, 'CỘNG').yMin)).toBeLessThan(4);
    expect(findWord(words, 'CỘNG').xMin).toBeGreaterThan(findWord(words, 'CÔNG').xMax);

    const pages = pdfPageCount(pdf);
    const last = pdfPageWords(pdf, pages);
    expect(pdfPageText(pdf, pages)).toContain('Lò Văn Thắng');
    expect(findWord(last, 'Lò').xMin).toBeGreaterThan(595 / 2);
    expect(findWord(last, 'Nơi').xMax).toBeLessThan(595 / 2);
  });

  it('embeds only Times New Roman or its metric twin', () => {
    for (const font of pdfFonts(pdf)) expect(font).toMatch(/TimesNewRoman|LiberationSerif/i);
  });

  it('keeps page 1 and the last page as pictures for a person to look at', () => {
    for (const [page, name] of [
      [1, 'decree30-report.png'],
      [pdfPageCount(pdf), 'decree30-report-last.png'],
    ] as const) {
      expect(fs.statSync(renderPagePng(pdf, page, name)).size).toBeGreaterThan(10_000);
    }
  });
});
