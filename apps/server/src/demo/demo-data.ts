import type { OrgKind, Role } from '@khien/contracts';

export interface DemoOrg {
  key: string;
  parent: string | null;
  name: string;
  shortName: string;
  kind: OrgKind;
  adminCode?: string;
  contact?: { name: string; role: string; phone: string; email?: string; hotline247?: boolean };
}

/** A realistic slice of Điện Biên province (official codes for the province and communes shown). */
const COMMUNES: { key: string; name: string; short: string; kind: OrgKind; code: string; villages: string[]; schools: string[] }[] = [
  {
    key: 'dbp',
    name: 'Phường Điện Biên Phủ',
    short: 'P. Điện Biên Phủ',
    kind: 'ward',
    code: '03127',
    villages: ['Tổ dân phố 1', 'Tổ dân phố 2', 'Tổ dân phố 3'],
    schools: ['Trường THCS Trần Can', 'Trường Tiểu học Him Lam'],
  },
  {
    key: 'ml',
    name: 'Phường Mường Lay',
    short: 'P. Mường Lay',
    kind: 'ward',
    code: '03151',
    villages: ['Tổ dân phố Sơn Bình', 'Bản Na Nát'],
    schools: ['Trường THPT thị xã Mường Lay'],
  },
  {
    key: 'mn',
    name: 'Xã Mường Nhé',
    short: 'X. Mường Nhé',
    kind: 'commune',
    code: '03160',
    villages: ['Bản Mường Nhé', 'Bản Nậm Pố'],
    schools: ['Trường PTDTBT THCS Mường Nhé'],
  },
  {
    key: 'mc',
    name: 'Xã Mường Chà',
    short: 'X. Mường Chà',
    kind: 'commune',
    code: '03166',
    villages: ['Bản Na Pheo', 'Bản Púng Giắt'],
    schools: ['Trường Tiểu học Mường Chà'],
  },
  { key: 'nh', name: 'Xã Nà Hỳ', short: 'X. Nà Hỳ', kind: 'commune', code: '03169', villages: ['Bản Nà Hỳ 1', 'Bản Nà Hỳ 2'], schools: ['Trường THCS Nà Hỳ'] },
  {
    key: 'ct',
    name: 'Xã Chà Tở',
    short: 'X. Chà Tở',
    kind: 'commune',
    code: '03175',
    villages: ['Bản Chà Tở', 'Bản Nậm Chua'],
    schools: ['Trường PTDTBT Tiểu học Chà Tở'],
  },
];

export function demoOrgs(): DemoOrg[] {
  const out: DemoOrg[] = [
    { key: 'tinh', parent: null, name: 'Tỉnh Điện Biên', shortName: 'Điện Biên', kind: 'province', adminCode: '11' },
    {
      key: 'cat',
      parent: 'tinh',
      name: 'Công an tỉnh Điện Biên',
      shortName: 'CAT Điện Biên',
      kind: 'police',
      contact: {
        name: 'Phòng An ninh mạng và PCTP sử dụng CNC (PA05)',
        role: 'Thường trực',
        phone: '0215 3825 000',
        email: 'pa05@congan.dienbien.example',
        hotline247: true,
      },
    },
    {
      key: 'soc',
      parent: 'cat',
      name: 'Trung tâm Giám sát an toàn, an ninh mạng tỉnh',
      shortName: 'SOC tỉnh',
      kind: 'monitoring_centre',
      contact: { name: 'Trực ban SOC', role: 'Trực 24/7', phone: '0215 3825 111', hotline247: true },
    },
    {
      key: 'ucsc',
      parent: 'cat',
      name: 'Đội ứng cứu sự cố an toàn thông tin mạng tỉnh',
      shortName: 'Đội UCSC',
      kind: 'incident_response_team',
      contact: { name: 'Thường trực Đội ứng cứu', role: 'Đầu mối', phone: '0215 3825 222', hotline247: true },
    },
    { key: 'bchqs', parent: 'tinh', name: 'Bộ Chỉ huy quân sự tỉnh Điện Biên', shortName: 'BCHQS tỉnh', kind: 'military_command' },
    { key: 'vp', parent: 'tinh', name: 'Văn phòng UBND tỉnh Điện Biên', shortName: 'VP UBND tỉnh', kind: 'agency' },
    {
      key: 'vnpt',
      parent: 'tinh',
      name: 'VNPT Điện Biên',
      shortName: 'VNPT',
      kind: 'telecom',
      contact: { name: 'Trung tâm điều hành mạng', role: 'Trực kỹ thuật', phone: '0215 3800 126', hotline247: true },
    },
    {
      key: 'viettel',
      parent: 'tinh',
      name: 'Viettel Điện Biên',
      shortName: 'Viettel',
      kind: 'telecom',
      contact: { name: 'Phòng Kỹ thuật', role: 'Trực kỹ thuật', phone: '0215 3800 098', hotline247: true },
    },
    { key: 'mobifone', parent: 'tinh', name: 'MobiFone Điện Biên', shortName: 'MobiFone', kind: 'telecom' },
  ];
  for (const c of COMMUNES) {
    out.push({ key: c.key, parent: 'tinh', name: c.name, shortName: c.short, kind: c.kind, adminCode: c.code });
    const unit = c.kind === 'ward' ? 'phường' : 'xã';
    out.push({
      key: `${c.key}-ca`,
      parent: c.key,
      name: `Công an ${unit} ${c.short.slice(3)}`,
      shortName: `CA ${unit}`,
      kind: 'police',
      contact: { name: `Trực ban Công an ${unit}`, role: 'Trực ban', phone: `0215 38${c.code.slice(1)}`, hotline247: true },
    });
    out.push({ key: `${c.key}-vp`, parent: c.key, name: 'Văn phòng HĐND và UBND', shortName: 'VP HĐND-UBND', kind: 'agency' });
    out.push({
      key: `${c.key}-kt`,
      parent: c.key,
      name: c.kind === 'ward' ? 'Phòng Kinh tế, Hạ tầng và Đô thị' : 'Phòng Kinh tế',
      shortName: 'Phòng KT',
      kind: 'agency',
    });
    out.push({ key: `${c.key}-vhxh`, parent: c.key, name: 'Phòng Văn hóa - Xã hội', shortName: 'Phòng VH-XH', kind: 'agency' });
    out.push({ key: `${c.key}-qs`, parent: c.key, name: `Ban Chỉ huy quân sự ${unit}`, shortName: 'BCHQS', kind: 'military_command' });
    c.schools.forEach((s, i) => out.push({ key: `${c.key}-school-${i}`, parent: c.key, name: s, shortName: s.replace('Trường ', ''), kind: 'school' }));
    c.villages.forEach((v, i) => out.push({ key: `${c.key}-village-${i}`, parent: c.key, name: v, shortName: v, kind: 'residential_group' }));
  }
  return out;
}

export interface DemoUser {
  email: string;
  fullName: string;
  org: string;
  role: Role;
  /** system_admin's grant is global */
  grantOrg: string | null;
}

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@khien.local', fullName: 'Quản trị hệ thống', org: 'cat', role: 'system_admin', grantOrg: null },
  { email: 'dieuphoi.tinh@khien.local', fullName: 'Nguyễn Văn Hùng', org: 'cat', role: 'province_coordinator', grantOrg: 'tinh' },
  { email: 'dieuphoi.muonglay@khien.local', fullName: 'Lù Văn Ánh', org: 'ml-vp', role: 'commune_coordinator', grantOrg: 'ml' },
  { email: 'cntt.thcs.trancan@khien.local', fullName: 'Lò Thị Mai', org: 'dbp-school-0', role: 'unit_officer', grantOrg: 'dbp-school-0' },
  { email: 'truc.soc@khien.local', fullName: 'Quàng Văn Dũng', org: 'soc', role: 'duty_officer', grantOrg: 'tinh' },
  { email: 'kiemtoan@khien.local', fullName: 'Trần Thị Hoa', org: 'vp', role: 'auditor', grantOrg: 'tinh' },
  { email: 'vienthong.vnpt@khien.local', fullName: 'Phạm Minh Tuấn', org: 'vnpt', role: 'telecom_contact', grantOrg: 'vnpt' },
];
