import { spawnSync } from 'node:child_process';
import { INCIDENT_REPORT_KINDS, type IncidentReportKind } from '@khien/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf } from '../../../platform/documents/index.js';
import { createRenderer, readZipPart, requireTools, type Renderer } from '../../directives/export/test-render.js';
import { buildIncidentReportDocx, formatFieldValue, REPORT_KINDS, sectionHeadingText } from './index.js';
import { buildIncidentReport, filledFields, sampleValue } from './test-fixtures.js';

const texts = (xml: string): string[] => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '');
const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const paragraphXml = (xml: string): string[] => [...xml.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map((m) => m[0]);
const paragraphs = (xml: string): string[] => paragraphXml(xml).map((p) => unescape(texts(p).join('')));
const documentXml = async (docx: Buffer): Promise<string> => readZipPart(docx, 'word/document.xml');
/** Text with every run of whitespace as one space: a label wrapped over two lines still matches. */
const flat = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ');

const TITLES: Record<IncidentReportKind, string> = {
  initial: 'BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG',
  five_day: 'BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG',
  full: 'BÁO CÁO SỰ CỐ MẠNG',
  personal_data: 'THÔNG BÁO VI PHẠM QUY ĐỊNH BẢO VỆ DỮ LIỆU CÁ NHÂN',
  closure: 'BÁO CÁO KẾT THÚC XỬ LÝ SỰ CỐ',
};

describe('formatFieldValue', () => {
  it('prints booleans, levels, numbers and times as a Vietnamese form does', () => {
    expect(formatFieldValue({ input: 'boolean' }, true)).toBe('Có');
    expect(formatFieldValue({ input: 'boolean' }, false)).toBe('Không');
    expect(formatFieldValue({ input: 'level' }, 3)).toBe('Cấp độ 3');
    expect(formatFieldValue({ input: 'number' }, 1_234_567)).toBe('1.234.567');
    // 23:05 UTC is 06:05 the next day in Vietnam
    expect(formatFieldValue({ input: 'datetime' }, '2026-02-04T23:05:00Z')).toBe('06:05 ngày 05/02/2026');
    expect(formatFieldValue({ input: 'datetime' }, 'hôm qua')).toBe('hôm qua');
    for (const empty of [undefined, null, '', '   ', []]) expect(formatFieldValue({ input: 'line' }, empty)).toBeNull();
  });
});

describe('buildIncidentReportDocx', () => {
  it.each(INCIDENT_REPORT_KINDS)('%s: the Decree 30 header, its title, "Kính gửi", every field filled in order, the deadline and "Nơi nhận"', async (kind) => {
    const all = paragraphs(await documentXml(await buildIncidentReportDocx(buildIncidentReport(kind))));
    // the issuing body is balanced over two lines ("ỦY BAN NHÂN DÂN" / "PHƯỜNG MƯỜNG LAY")
    expect(all.join('\n')).toContain('PHƯỜNG MƯỜNG LAY');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số:      /',
      'Mường Lay, ngày 20 tháng 3 năm 2026',
      TITLES[kind],
      'Nơi nhận:',
      '- Lưu: VT.',
      'Lò Văn Thắng',
    ]) {
      expect(all, expected).toContain(expected);
    }
    expect(all.some((p) => p.startsWith('Kính gửi:'))).toBe(true);
    expect(all).toContain('Thời hạn gửi báo cáo: trước 14:30 ngày 21/3/2026 (Điều 31 Nghị định số 331/2026/NĐ-CP).');
    expect(all).not.toContain('MẬT');
    const fields = REPORT_KINDS[kind].fields;
    let last = -1;
    for (const [i, f] of fields.entries()) {
      const value = formatFieldValue(f, sampleValue(f, i))!;
      const at = all.findIndex((p, j) => j > last && p.includes(`. ${f.label.vi}:`));
      expect(at, `${f.key} in order`).toBeGreaterThan(last);
      expect(all.slice(at, at + 2).join(' '), f.key).toContain(value);
      last = at;
    }
    const headings = [...new Set(fields.map((f) => f.section.vi))].map((s, i) => sectionHeadingText(i, s).heading);
    expect(all.filter((p) => headings.includes(p))).toEqual(headings);
  });

  it('numbers fields under the form\'s own section numbers ("1.1. Họ và tên"), and I, II, … where the list has none', async () => {
    expect(sectionHeadingText(0, '1. Thông tin người báo cáo')).toEqual({ number: '1.', heading: '1. Thông tin người báo cáo' });
    expect(sectionHeadingText(1, 'Kết quả xử lý sự cố')).toEqual({ number: '', heading: 'II. Kết quả xử lý sự cố' });
    const initial = paragraphs(await documentXml(await buildIncidentReportDocx(buildIncidentReport('initial'))));
    expect(initial).toContain('1. Thông tin người báo cáo');
    expect(initial.some((p) => p.startsWith('1.1. Họ và tên: '))).toBe(true);
    expect(initial.some((p) => p.startsWith('2.1. Họ và tên: '))).toBe(true);
    const closure = paragraphs(await documentXml(await buildIncidentReportDocx(buildIncidentReport('closure'))));
    expect(closure).toContain('I. Kết quả xử lý sự cố');
    expect(closure).toContain('1. Nguyên nhân sự cố:');
  });

  it('prints every label with dots to fill in by hand when nothing is filled, and "MẬT" when confidential', async () => {
    const xml = await documentXml(await buildIncidentReportDocx(buildIncidentReport('initial', { fields: {}, confidential: true, deadline: null })));
    const all = paragraphs(xml);
    const raw = paragraphXml(xml);
    expect(all[0]).toBe('MẬT');
    let last = -1;
    for (const f of REPORT_KINDS.initial.fields) {
      const at = all.findIndex((p, j) => j > last && p.includes(`. ${f.label.vi}:`));
      expect(at, `${f.key} in order`).toBeGreaterThan(last);
      last = at;
      expect(all[at], f.key).toMatch(/:\s*$/);
      // dots to the right margin: a right tab with a dot leader
      expect(raw[at], f.key).toMatch(/w:leader="dot"/);
      expect(raw[at], f.key).toContain('<w:tab/>');
    }
    expect(all.some((p) => p.startsWith('Thời hạn'))).toBe(false);
  });

  it('sets Times New Roman in the document defaults and on every run', async () => {
    const docx = await buildIncidentReportDocx(buildIncidentReport('full'));
    const xml = await documentXml(docx);
    expect(await readZipPart(docx, 'word/styles.xml')).toContain('w:ascii="Times New Roman"');
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Times New Roman']);
  });

  it('bounds a 100,000-character description and strips characters XML cannot hold', async () => {
    const long = `Mô tả ${'sự cố rất dài '.repeat(8_000)}`;
    const fields = { ...filledFields('initial'), description: long, reporterName: 'Nguyễn\u0001 Văn\u000B An', systemName: 'x'.repeat(10_000) };
    const docx = await buildIncidentReportDocx(buildIncidentReport('initial', { fields }));
    const xml = await documentXml(docx);
    expect(xml).toContain('Nguyễn Văn An');
    expect(xml.length).toBeLessThan(200_000);
    expect(xml).toContain('…');
    // a valid 10,000-character description prints whole
    const whole = `${'Mô tả đầy đủ. '.repeat(714)}Hết.`;
    expect(whole.length).toBeLessThanOrEqual(10_000);
    const printed = paragraphs(await documentXml(await buildIncidentReportDocx(buildIncidentReport('full', { fields: { description: whole } }))));
    expect(printed).toContain(whole);
  });
});

describe('the incident reports rendered by LibreOffice', () => {
  let renderer: Renderer;
  // -layout: lines in the order they are on the page (the default reading order moves the last word of a justified line)
  const pdfText = (pdf: string | Buffer): string => {
    const r =
      typeof pdf === 'string'
        ? spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
        : spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
    return flat(r.stdout);
  };

  beforeAll(() => {
    requireTools();
    renderer = createRenderer();
  });
  afterAll(() => renderer?.cleanup());

  it('shows every label of every kind, filled and blank, with the header and "Nơi nhận"', { timeout: 90_000 }, async () => {
    const docs: Record<string, Buffer> = {};
    for (const kind of INCIDENT_REPORT_KINDS) {
      docs[`${kind}-filled`] = await buildIncidentReportDocx(buildIncidentReport(kind));
      docs[`${kind}-blank`] = await buildIncidentReportDocx(buildIncidentReport(kind, { fields: {}, confidential: true }));
    }
    // one LibreOffice run for the ten documents (it starts once)
    const { pdfs, ms } = renderer.toPdf(docs);
    console.info(`LibreOffice: ${Object.keys(docs).length} incident reports DOCX → PDF in ${ms} ms`);
    for (const kind of INCIDENT_REPORT_KINDS) {
      for (const variant of ['filled', 'blank'] as const) {
        const text = pdfText(pdfs[`${kind}-${variant}`]!);
        const name = `${kind}-${variant}`;
        for (const expected of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', TITLES[kind], 'Kính gửi', 'Nơi nhận', 'Lò Văn Thắng']) {
          expect(text, `${name}: ${expected}`).toContain(expected);
        }
        const fields = REPORT_KINDS[kind].fields;
        for (const [i, f] of fields.entries()) {
          expect(text, `${name}: label of ${f.key}`).toContain(flat(f.label.vi));
          if (variant === 'filled') expect(text, `${name}: value of ${f.key}`).toContain(flat(formatFieldValue(f, sampleValue(f, i))!));
        }
        if (variant === 'blank') {
          expect(text, name).toMatch(/MẬT/);
          expect(text, `${name}: dotted lines`).toMatch(/(\.{20,}|…{10,})/);
        }
      }
    }
  });

  it('goes through docxToPdf, the path the server takes', { timeout: 60_000 }, async () => {
    const pdf = await docxToPdf(await buildIncidentReportDocx(buildIncidentReport('initial')));
    const text = pdfText(pdf);
    expect(text).toContain('BÁO CÁO BAN ĐẦU SỰ CỐ MẠNG');
    expect(text).toContain('14:30 ngày 20/3/2026');
  });
});
