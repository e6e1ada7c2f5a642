import fs from 'node:fs';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { buildDispatchDocx } from './index.js';
import { buildMuongLayDispatch } from './test-fixtures.js';
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

describe('buildDispatchDocx (Decree 30/2020 layout)', () => {
  let xml: string;
  let styles: string;
  let header2: string;

  beforeAll(async () => {
    const docx = await buildDispatchDocx(buildMuongLayDispatch());
    xml = await readZipPart(docx, 'word/document.xml');
    styles = await readZipPart(docx, 'word/styles.xml');
    const headers = await Promise.all([1, 2].map((i) => readZipPart(docx, `word/header${i}.xml`)));
    header2 = headers.find((h) => h.includes('PAGE')) ?? '';
  });

  it('carries every element of the Annex I layout, in Vietnamese with diacritics (NFC)', () => {
    const all = paragraphs(xml);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂNPHƯỜNG MƯỜNG LAY', // two lines of one paragraph, broken after "DÂN"
      'Số: 1082/UBND-CA',
      'V/v triển khai thực hiện văn bản của Công an tỉnh về thông báo nguy cơ mất an toàn, an ninh mạng năm 2026',
      'Mường Lay, ngày 05 tháng 3 năm 2026',
      'Kính gửi:',
      '- Các cơ quan, đơn vị, trường học trên địa bàn phường;',
      '- Các Tổ dân phố, bản.',
      '1. Các cơ quan, đơn vị, trường học trên địa bàn phường',
      '- Tuyên truyền phương thức, thủ đoạn mới của tội phạm công nghệ cao, lừa đảo qua mạng, giả danh cơ quan nhà nước.',
      '3. Các Tổ dân phố, bản',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, CA.',
      'TM. ỦY BAN NHÂN DÂNKT. CHỦ TỊCHPHÓ CHỦ TỊCH',
      'Lù Văn Ánh',
    ]) {
      expect(all, expected).toContain(expected);
    }
    expect(all.some((p) => p.endsWith('xử lý theo quy định./.'))).toBe(true);
    expect(xml.normalize('NFC')).toBe(xml);
  });

  it('is A4 with margins 20/20/30/15 mm, Times New Roman, and a page number from page 2 on', () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margins = /<w:pgMar ([^>]*)\/>/.exec(xml)?.[1] ?? '';
    expect(margins).toContain('w:top="1134"');
    expect(margins).toContain('w:bottom="1134"');
    expect(margins).toContain('w:left="1701"');
    expect(margins).toContain('w:right="850"');
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(styles).toContain('w:ascii="Times New Roman"');
    expect(xml).toContain('<w:titlePg/>');
    expect(xml).toMatch(/<w:headerReference w:type="first"/);
    expect(xml).toMatch(/<w:headerReference w:type="default"/);
    expect(header2).toMatch(/<w:jc w:val="center"\/>/);
  });

  it('sets the sizes and styles of the decree: title 12 pt bold, motto 13 pt bold, date 14 pt italic, V/v 12 pt, body 14 pt justified', () => {
    const runOf = (text: string): string => new RegExp(`<w:r><w:rPr>((?:(?!</w:rPr>).)*)</w:rPr>(?:<w:br/>)?<w:t[^>]*>${text}`).exec(xml)?.[1] ?? '';
    expect(runOf('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatch(/<w:b\/>.*<w:sz w:val="24"\/>/);
    expect(runOf('Độc lập - Tự do - Hạnh phúc')).toMatch(/<w:b\/>.*<w:sz w:val="26"\/>/);
    expect(runOf('ỦY BAN NHÂN DÂN')).toMatch(/<w:b\/>.*<w:sz w:val="26"\/>/);
    expect(runOf('Số: 1082/UBND-CA')).toMatch(/<w:sz w:val="26"\/>/);
    expect(runOf('Số: 1082/UBND-CA')).not.toContain('<w:b/>');
    expect(runOf('V/v triển khai')).toMatch(/<w:sz w:val="24"\/>/);
    expect(runOf('Mường Lay, ngày 05')).toMatch(/<w:i\/>.*<w:sz w:val="28"\/>/);
    expect(runOf('Nơi nhận:')).toMatch(/<w:b\/>.*<w:i\/>.*<w:sz w:val="24"\/>/);
    expect(runOf('- Lưu: VT, CA.')).toMatch(/<w:sz w:val="22"\/>/);
    expect(runOf('Lù Văn Ánh')).toMatch(/<w:b\/>.*<w:sz w:val="28"\/>/);
    // body: justified, first line 1.27 cm, 6 pt after
    const body = /<w:p><w:pPr>((?:(?!<\/w:pPr>).)*)<\/w:pPr><w:r><w:rPr>((?:(?!<\/w:rPr>).)*)<\/w:rPr><w:t[^>]*>Thực hiện Công văn số 907/.exec(xml);
    expect(body?.[1]).toContain('<w:jc w:val="both"/>');
    expect(body?.[1]).toContain('w:firstLine="720"');
    expect(body?.[1]).toContain('w:after="120"');
    expect(body?.[2]).toContain('<w:sz w:val="28"/>');
  });

  it('draws the header and footer tables without borders', () => {
    const tables = [...xml.matchAll(/<w:tbl>.*?<w:tblBorders>(.*?)<\/w:tblBorders>/g)].map((m) => m[1] ?? '');
    expect(tables).toHaveLength(2);
    for (const borders of tables) expect(borders).not.toMatch(/w:val="(?!none)/);
  });

  it('puts one recipient on the "Kính gửi" line and leaves blanks for a number and date not given yet', async () => {
    const docx = await buildDispatchDocx(
      buildMuongLayDispatch({
        recipients: ['Công an phường Mường Lay'],
        number: '/UBND-HC',
        date: null,
        parentBody: 'UBND tỉnh Điện Biên',
        copiesTo: ['Như trên'],
      }),
    );
    const all = paragraphs(await readZipPart(docx, 'word/document.xml'));
    expect(all).toContain('Kính gửi: Công an phường Mường Lay.');
    expect(all).toContain('Số:      /UBND-HC');
    expect(all).toContain('Mường Lay, ngày    tháng    năm 20…');
    expect(all).toContain('UBND TỈNH ĐIỆN BIÊN');
    expect(all.slice(-5, -2)).toEqual(['Nơi nhận:', '- Như trên;', '- Lưu: VT.']);
  });

  it('stays a few pages long for a directive sent to 10,000 organisations', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `Đơn vị số ${i + 1}`);
    const docx = await buildDispatchDocx(buildMuongLayDispatch({ recipients: many, copiesTo: many }));
    const all = paragraphs(await readZipPart(docx, 'word/document.xml'));
    expect(all).toContain('- Các cơ quan, đơn vị khác (9.961 đơn vị).');
    expect(all).toContain('- Các cơ quan, đơn vị khác (9.962);');
    expect(all.filter((p) => p.startsWith('- Đơn vị số')).length).toBeLessThan(100);
    expect(docx.length).toBeLessThan(100_000);
  });
});

describe('the dispatch rendered by LibreOffice', () => {
  let renderer: Renderer;
  let pdf: string;
  let onePage: string;

  beforeAll(async () => {
    requireTools();
    renderer = createRenderer();
    const short = buildMuongLayDispatch({ sections: buildMuongLayDispatch().sections.slice(1, 2) });
    const converted = renderer.toPdf({ dispatch: await buildDispatchDocx(buildMuongLayDispatch()), short: await buildDispatchDocx(short) });
    pdf = converted.pdfs.dispatch!;
    onePage = converted.pdfs.short!;
    console.info(`LibreOffice: 2 dispatch DOCX → PDF in ${converted.ms} ms`);
  });
  afterAll(() => renderer?.cleanup());

  it('shows the header, number and "Kính gửi" on page 1 and the signer on the last page', () => {
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    const first = pdfPageText(pdf, 1);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 1082/UBND-CA',
      'Kính gửi:',
      'Mường Lay, ngày 05 tháng 3 năm 2026',
    ]) {
      expect(first).toContain(expected);
    }
    const last = pdfPageText(pdf, pages);
    expect(last).toContain('Lù Văn Ánh');
    expect(last).toContain('Nơi nhận:');
  });

  it('fits a short directive on one page, signer included', () => {
    expect(pdfPageCount(onePage)).toBe(1);
    const text = pdfPageText(onePage, 1);
    for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 1082/UBND-CA', 'Kính gửi:', 'Nơi nhận:', 'Lù Văn Ánh']) {
      expect(text).toContain(expected);
    }
  });

  it('sets the header in two columns side by side, the signer on the right', () => {
    const words = pdfPageWords(pdf, 1);
    const issuer = findWord(words, 'ỦY');
    const nation = findWord(words, 'CỘNG');
    const middle = 595 / 2;
    expect(Math.abs(issuer.yMin - nation.yMin)).toBeLessThan(4);
    expect(issuer.xMax).toBeLessThan(middle);
    expect(nation.xMin).toBeGreaterThan(middle - 40);
    const number = findWord(words, 'Số:');
    const date = findWord(words, 'ngày');
    expect(Math.abs(number.yMin - date.yMin)).toBeLessThan(6);
    expect(number.xMax).toBeLessThan(middle);
    expect(date.xMin).toBeGreaterThan(middle);
    expect(findWord(words, 'Kính').yMin).toBeGreaterThan(number.yMax);
    // nothing in the top margin of page 1: no page number there
    expect(words.filter((w) => w.yMax < 56)).toEqual([]);

    const pages = pdfPageCount(pdf);
    const lastWords = pdfPageWords(pdf, pages);
    expect(findWord(lastWords, 'Nơi').xMax).toBeLessThan(middle);
    const name = findWord(lastWords, 'Lù');
    expect(name.xMin).toBeGreaterThan(middle);
    expect(name.yMin).toBeGreaterThan(findWord(lastWords, 'TM.').yMax + 60); // room for the signature and the seal
    if (pages > 1) {
      const pageNumber = lastWords[0]!;
      expect(pageNumber.text).toBe(String(pages));
      expect(pageNumber.yMax).toBeLessThan(57);
      expect(Math.abs((pageNumber.xMin + pageNumber.xMax) / 2 - (85 + 468 / 2))).toBeLessThan(10);
    }
  });

  it('embeds only Times New Roman or its metric twin (no fallback font for Vietnamese letters)', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(/TimesNewRoman|LiberationSerif/i);
  });

  it('keeps page 1 and the last page as pictures for a person to look at', () => {
    for (const [page, name] of [
      [1, 'decree30-dispatch.png'],
      [pdfPageCount(pdf), 'decree30-dispatch-last.png'],
    ] as const) {
      const png = renderPagePng(pdf, page, name);
      expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    }
  });
});
