import { describe, expect, it } from 'vitest';
import { findAddressee } from './addressee.js';

describe('findAddressee', () => {
  it.each([
    ['Công an phường', 'Công an phường'],
    ['Các doanh nghiệp cung cấp dịch vụ viễn thông, Internet', 'Các doanh nghiệp cung cấp dịch vụ viễn thông, Internet'],
    ['Thủ trưởng đơn vị, địa phương triển khai hoạt động bảo đảm an toàn thông tin mạng cụ thể như sau:', 'Thủ trưởng đơn vị, địa phương'],
    ['Giao Trưởng phòng Văn hoá và Thông tin theo dõi, đôn đốc.', 'Trưởng phòng Văn hoá và Thông tin'],
    ['Mỗi cơ quan, đơn vị cần cử ít nhất 01 cán bộ.', 'Mỗi cơ quan, đơn vị'],
    ['Đối với Sở Thông tin và Truyền thông: chủ trì hướng dẫn.', 'Sở Thông tin và Truyền thông'],
    ['Trong trường hợp cần hỗ trợ, các đơn vị, địa phương liên hệ với Phòng Văn hoá.', 'Các đơn vị, địa phương'],
    ['UBND các xã, phường, thị trấn chỉ đạo bộ phận một cửa.', 'UBND các xã, phường, thị trấn'],
  ])('"%s" is addressed to "%s"', (heading, group) => {
    expect(findAddressee(heading)).toBe(group);
  });

  it.each([
    'Về công tác tuyên truyền',
    'Tổ chức tuyên truyền, phổ biến đến cán bộ, công chức.',
    'Tiếp tục quán triệt, triển khai thực hiện nghiêm túc các quy định.',
    'Công tác phòng, chống tấn công mạng',
    '',
  ])('"%s" names no group', (heading) => {
    expect(findAddressee(heading)).toBeNull();
  });
});
