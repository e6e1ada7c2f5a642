import { describe, expect, it } from 'vitest';
import { findContacts } from './contacts.js';

describe('findContacts: who to call, and their post', () => {
  it.each([
    [
      'Liên hệ đồng chí Lò Văn Thành, Phó Trưởng Công an xã, số điện thoại: 0914.223.456.',
      { name: 'Lò Văn Thành', phone: '0914223456', title: 'Phó Trưởng Công an xã' },
    ],
    [
      'qua đầu mối: Thiếu tá Trần Quốc Việt, Phó Trưởng phòng, điện thoại (0215) 3826.117.',
      { name: 'Trần Quốc Việt', phone: '02153826117', title: 'Phó Trưởng phòng' },
    ],
    ['liên hệ Đ/c Sùng A Lử - cán bộ Công an xã, SĐT: 0386.112.457.', { name: 'Sùng A Lử', phone: '0386112457', title: 'cán bộ Công an xã' }],
    [
      'liên hệ bà Nguyễn Thị Thu Hà, chuyên viên Phòng Công nghệ thông tin, 0277.3851.234.',
      { name: 'Nguyễn Thị Thu Hà', phone: '02773851234', title: 'chuyên viên Phòng Công nghệ thông tin' },
    ],
    ['liên hệ thầy Đinh Văn Nam - Phó Hiệu trưởng, điện thoại 0912 678 345.', { name: 'Đinh Văn Nam', phone: '0912678345', title: 'Phó Hiệu trưởng' }],
    [
      'Nguyễn Hải Yến, trực ban Trung tâm Giám sát: (+84) 215 3826 553.',
      { name: 'Nguyễn Hải Yến', phone: '+842153826553', title: 'trực ban Trung tâm Giám sát' },
    ],
    [
      'Liên hệ Trưởng Công an xã, đồng chí Nguyễn Văn Hải, số điện thoại 0912 345 678.',
      { name: 'Nguyễn Văn Hải', phone: '0912345678', title: 'Trưởng Công an xã' },
    ],
    ['liên hệ Công an phường qua số điện thoại 0215 3825 114 (đồng chí Tuấn).', { name: 'Tuấn', phone: '02153825114', title: 'Công an phường' }],
  ])('%s', (sentence, contact) => {
    expect(findContacts([sentence])).toEqual([contact]);
  });

  it('has no title when none is written, and names a unit without one', () => {
    expect(findContacts(['Liên hệ Phòng Văn hoá và Thông tin (qua số điện thoại 02773.822.202).'])).toEqual([
      { name: 'Phòng Văn hoá và Thông tin', phone: '02773822202' },
    ]);
    expect(findContacts(['Gọi ông Lò Văn Sơn 0987-654-321.'])).toEqual([{ name: 'Lò Văn Sơn', phone: '0987654321' }]);
  });

  it('keeps the post for the second number of the same person', () => {
    expect(findContacts(['liên hệ ông Huỳnh Tấn Phát, Trưởng phòng Công nghệ thông tin, điện thoại: 0255.3822.468 hoặc 0905 112 233.'])).toEqual([
      { name: 'Huỳnh Tấn Phát', phone: '02553822468', title: 'Trưởng phòng Công nghệ thông tin' },
      { name: 'Huỳnh Tấn Phát', phone: '0905112233', title: 'Trưởng phòng Công nghệ thông tin' },
    ]);
  });

  it('reads each of two people in one sentence', () => {
    expect(findContacts(['Liên hệ cô Hoàng Thị Thu (0912345678); Đại úy Lường Thị Mai, cán bộ Đội 2, di động 0983 456 712.'])).toEqual([
      { name: 'Hoàng Thị Thu', phone: '0912345678' },
      { name: 'Lường Thị Mai', phone: '0983456712', title: 'cán bộ Đội 2' },
    ]);
  });

  it('takes the first surname, not a school named after a person', () => {
    expect(findContacts(['Nguyễn Văn An, giáo viên Trường THCS Lê Quý Đôn, 0912345678.'])[0]?.name).toBe('Nguyễn Văn An');
  });

  it('does not take "ba" (three) for "bà", nor "có" for "cô"', () => {
    expect(findContacts(['Có ba Phó Chủ tịch trực 0912345678.'])).toEqual([{ name: '', phone: '0912345678' }]);
  });

  it('reads landlines with the area code in brackets, and only real lengths', () => {
    expect(findContacts(['Gọi (024) 3826 1234 hoặc (0215)3826117.']).map((c) => c.phone)).toEqual(['02438261234', '02153826117']);
    expect(findContacts(['Mã (0215) 38 là mã vùng.'])).toEqual([]);
  });
});
