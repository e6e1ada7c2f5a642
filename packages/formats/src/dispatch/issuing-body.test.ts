import { describe, expect, it } from 'vitest';
import { documentTypeFromNumber, matchDocumentTitle } from './document-type.js';
import { parseDispatch } from './index.js';
import { splitIssuingBody } from './issuing-body.js';

describe('splitIssuingBody', () => {
  it.each([
    [['UỶ BAN NHÂN DÂN', 'HUYỆN CAO LÃNH'], 'UỶ BAN NHÂN DÂN HUYỆN CAO LÃNH', null],
    [['UBND TỈNH ĐỒNG THÁP', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG'], 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'UBND TỈNH ĐỒNG THÁP'],
    [
      ['CÔNG AN TỈNH ĐIỆN BIÊN', 'PHÒNG AN NINH MẠNG VÀ PHÒNG,', 'CHỐNG TỘI PHẠM SỬ DỤNG CÔNG NGHỆ CAO'],
      'PHÒNG AN NINH MẠNG VÀ PHÒNG, CHỐNG TỘI PHẠM SỬ DỤNG CÔNG NGHỆ CAO',
      'CÔNG AN TỈNH ĐIỆN BIÊN',
    ],
    [['UỶ BAN NHÂN DÂN', 'TỈNH ĐIỆN BIÊN', 'SỞ Y TẾ'], 'SỞ Y TẾ', 'UỶ BAN NHÂN DÂN TỈNH ĐIỆN BIÊN'],
    [['Uỷ ban nhân dân', 'phường Him Lam'], 'Uỷ ban nhân dân phường Him Lam', null],
    [['SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG'], 'SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', null],
    [['TRƯỜNG TIỂU HỌC VÀ TRUNG HỌC CƠ SỞ XÃ A'], 'TRƯỜNG TIỂU HỌC VÀ TRUNG HỌC CƠ SỞ XÃ A', null],
  ])('%j is issued by %s under %s', (lines, issuer, governingBody) => {
    expect(splitIssuingBody(lines)).toEqual({ issuer, governingBody });
  });

  it.each([
    ['UBND TỈNH ĐỒNG THÁP SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'UBND TỈNH ĐỒNG THÁP'],
    ['BỘ CÔNG AN CÔNG AN TỈNH ĐIỆN BIÊN', 'CÔNG AN TỈNH ĐIỆN BIÊN', 'BỘ CÔNG AN'],
    ['UBND XÃ NÀ TẤU TRƯỜNG THCS NÀ TẤU', 'TRƯỜNG THCS NÀ TẤU', 'UBND XÃ NÀ TẤU'],
    ['UỶ BAN NHÂN DÂN HUYỆN CAO LÃNH', 'UỶ BAN NHÂN DÂN HUYỆN CAO LÃNH', null],
  ])('splits the column run onto one line: "%s"', (line, issuer, governingBody) => {
    expect(splitIssuingBody([line])).toEqual({ issuer, governingBody });
  });

  it('has nothing to say about no lines', () => {
    expect(splitIssuingBody([])).toEqual({ issuer: null, governingBody: null });
  });
});

describe('document types', () => {
  it.each([
    ['KẾ HOẠCH', { type: 'Kế hoạch', rest: '' }],
    ['Thông báo', { type: 'Thông báo', rest: '' }],
    ['QUYẾT ĐỊNH:', { type: 'Quyết định', rest: '' }],
    ['THÔNG BÁO KẾT LUẬN', { type: 'Thông báo', rest: '' }],
    ['KẾ HOẠCH Triển khai Tháng cao điểm', { type: 'Kế hoạch', rest: 'Triển khai Tháng cao điểm' }],
    ['CÔNG ĐIỆN', { type: 'Công điện', rest: '' }],
  ])('"%s" is a title', (line, match) => {
    expect(matchDocumentTitle(line)).toEqual(match);
  });

  it.each(['Kế hoạch số 12/KH-UBND ngày 5/1/2026', 'UBND TỈNH ĐIỆN BIÊN', 'Kế hoạch triển khai', 'LUẬT AN NINH MẠNG'])('"%s" is not', (line) => {
    expect(matchDocumentTitle(line)).toBeNull();
  });

  it.each([
    ['45/KH-UBND', 'Kế hoạch'],
    ['05/2017/QĐ-TTg', 'Quyết định'],
    ['09/TTr-CAP', 'Tờ trình'],
    ['04/CĐ-UBND', 'Công điện'],
    ['1082/UBND-CA', null],
    ['312/PA05-Đ2', null],
    ['/UBND-HC', null],
    [null, null],
  ])('the number %s names %s', (num, type) => {
    expect(documentTypeFromNumber(num)).toBe(type);
  });
});

describe('the header as parsed', () => {
  const BODY = '\nKính gửi: Công an xã.\n\n1. Rà soát máy trạm.';

  it('finds the issuing body after the date when the right column was extracted first', () => {
    const p = parseDispatch(
      `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐồng Tháp, ngày 15 tháng 01 năm 2025\nUBND TỈNH ĐỒNG THÁP\nSỞ Y TẾ\nSố: 66/SYT-VP\nV/v thử${BODY}`,
    );
    expect([p.governingBody, p.issuer, p.number, p.subject, p.documentType]).toEqual(['UBND TỈNH ĐỒNG THÁP', 'SỞ Y TẾ', '66/SYT-VP', 'thử', 'Công văn']);
  });

  it('reads a mixed-case header with rule lines beside it', () => {
    const p = parseDispatch(
      `Ủy ban nhân dân\t\tCộng hòa xã hội chủ nghĩa Việt Nam\nxã Tân Phú -------\t\tĐộc lập - Tự do - Hạnh phúc\nSố: 88/UBND-VP\t\tTân Phú, ngày 03 tháng 6 năm 2026\nV/v thử${BODY}`,
    );
    expect([p.issuer, p.governingBody, p.place]).toEqual(['Ủy ban nhân dân xã Tân Phú', null, 'Tân Phú']);
  });

  it('takes the subject from under the title and skips the signer’s office line', () => {
    const p = parseDispatch(
      'UBND XÃ A\nSố: 5/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc thành lập Tổ ứng cứu\nCHỦ TỊCH ỦY BAN NHÂN DÂN XÃ A\nCăn cứ Luật An ninh mạng ngày 12/6/2018;\nQUYẾT ĐỊNH:\nĐiều 1. Thành lập Tổ.',
    );
    expect([p.documentType, p.subject]).toEqual(['Quyết định', 'thành lập Tổ ứng cứu']);
    expect(p.preamble.startsWith('Căn cứ Luật An ninh mạng')).toBe(true);
  });

  it('leaves the body alone when a title has no subject line', () => {
    const p = parseDispatch('UBND XÃ A\nSố: 5/KH-UBND\nKẾ HOẠCH\nCăn cứ Luật An ninh mạng ngày 12/6/2018;\nI. MỤC ĐÍCH\n1. Phòng ngừa tấn công mạng.');
    expect([p.documentType, p.subject]).toEqual(['Kế hoạch', null]);
    expect(p.references).toHaveLength(1);
  });

  it('falls back on the number’s code for the type when no title survived', () => {
    expect(parseDispatch(`UBND XÃ A\nSố: 5/TB-UBND${BODY}`).documentType).toBe('Thông báo');
  });
});
