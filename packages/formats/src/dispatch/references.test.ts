import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findReferences } from './references.js';

const cited = (preamble: string) => findReferences(preamble).map(({ text: _text, ...r }) => r);

describe('findReferences', () => {
  it('reads "Thực hiện Công văn số …, ngày … của …" with its text as written', () => {
    expect(
      findReferences('Thực hiện Công văn số 907/CAT-PA05, ngày 27/02/2026 của Công an tỉnh Điện Biên về việc thông báo nguy cơ, UBND phường yêu cầu:'),
    ).toEqual([
      {
        kind: 'thực hiện',
        documentType: 'Công văn',
        number: '907/CAT-PA05',
        date: '2026-02-27',
        issuer: 'Công an tỉnh Điện Biên',
        text: 'Công văn số 907/CAT-PA05, ngày 27/02/2026 của Công an tỉnh Điện Biên về việc thông báo nguy cơ',
      },
    ]);
  });

  it('reads several documents in one sentence', () => {
    expect(
      cited(
        'Thực hiện Công văn số 907/CAT-PA05 ngày 27/02/2026 của Công an tỉnh và Kế hoạch số 15/KH-UBND ngày 10/01/2026 của UBND tỉnh về bảo đảm an ninh mạng.',
      ),
    ).toEqual([
      { kind: 'thực hiện', documentType: 'Công văn', number: '907/CAT-PA05', date: '2026-02-27', issuer: 'Công an tỉnh' },
      { kind: 'thực hiện', documentType: 'Kế hoạch', number: '15/KH-UBND', date: '2026-01-10', issuer: 'UBND tỉnh' },
    ]);
  });

  it('reads a law by name, a decision by number, and the lead carried over ";"', () => {
    expect(
      cited(
        'Căn cứ Luật An ninh mạng ngày 12 tháng 6 năm 2018; Quyết định số 05/2017/QĐ-TTg ngày 16/3/2017 của Thủ tướng Chính phủ ban hành quy định về ứng cứu sự cố;',
      ),
    ).toEqual([
      { kind: 'căn cứ', documentType: 'Luật', number: null, date: '2018-06-12', issuer: null },
      { kind: 'căn cứ', documentType: 'Quyết định', number: '05/2017/QĐ-TTg', date: '2017-03-16', issuer: 'Thủ tướng Chính phủ' },
    ]);
  });

  it('takes the issuer named before the document ("Xét đề nghị của … tại …")', () => {
    expect(cited('Xét đề nghị của Phòng Văn hoá và Thông tin tại Công văn số 33/PVHTT-HC ngày 08/01/2024 về tham mưu, Ủy ban nhân dân Huyện yêu cầu:')).toEqual(
      [{ kind: 'xét đề nghị', documentType: 'Công văn', number: '33/PVHTT-HC', date: '2024-01-08', issuer: 'Phòng Văn hoá và Thông tin' }],
    );
    expect(cited('Thực hiện chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số 66 / UBND - KGVX ngày 5-3-2026,')).toEqual([
      { kind: 'thực hiện', documentType: 'Văn bản', number: '66/UBND-KGVX', date: '2026-03-05', issuer: 'Chủ tịch UBND tỉnh' },
    ]);
  });

  it('reads "Theo Kế hoạch số …" and OCR slips in the keywords', () => {
    expect(cited('Theo Kế hoạch số 20/KH-CAT ngày 02/01/2026 của Công an tỉnh Điện Biên;')).toEqual([
      { kind: 'theo', documentType: 'Kế hoạch', number: '20/KH-CAT', date: '2026-01-02', issuer: 'Công an tỉnh Điện Biên' },
    ]);
    expect(cited('Thưc hiện Kế hoạch số 16/KH-CAT ngày 20/01/2026 cũa Công an tỉnh Lai Châu, Công an xã thông báo:')).toEqual([
      { kind: 'thực hiện', documentType: 'Kế hoạch', number: '16/KH-CAT', date: '2026-01-20', issuer: 'Công an tỉnh Lai Châu' },
    ]);
  });

  it('keeps a capitalised word that only looks like a stop word ("Sở Tài nguyên")', () => {
    expect(cited('Thực hiện Công văn số 12/STNMT-VP ngày 01/02/2026 của Sở Tài nguyên và Môi trường về rà soát.')[0]?.issuer).toBe(
      'Sở Tài nguyên và Môi trường',
    );
  });

  it.each([
    ['a sentence that does not open with a lead', 'Công an tỉnh đã ban hành Công văn số 907/CAT-PA05 ngày 27/02/2026.'],
    ['"Theo dõi" is not "Theo"', 'Theo dõi tình hình, báo cáo theo Kế hoạch số 12/KH-UBND.'],
    ['a ground without a document', 'Căn cứ chức năng, nhiệm vụ được giao;'],
    ['a common noun, not a cited document', 'Thực hiện các quy định của pháp luật về an ninh mạng.'],
    ['nothing', ''],
  ])('finds nothing in %s', (_label, preamble) => {
    expect(findReferences(preamble)).toEqual([]);
  });

  it('never throws and keeps every field on one line', () => {
    const piece = fc.constantFrom(
      'Thực hiện ',
      'Căn cứ ',
      'Công văn ',
      'Luật ',
      'số ',
      '907',
      '/',
      'CAT-PA05',
      ' ngày ',
      '27/02/2026',
      ' của ',
      'Công an',
      ' về ',
      ', ',
      '; ',
      '\n',
      'Sở',
      ' tại ',
      'tháng ',
      ' năm ',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 80 }).map((a) => a.join('')),
        (preamble) => {
          for (const r of findReferences(preamble)) {
            for (const v of [r.kind, r.documentType, r.number, r.date, r.issuer, r.text]) expect(v === null || !v.includes('\n')).toBe(true);
            if (r.date !== null) expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
