import { ORG_KINDS, type OrgKind } from '@khien/contracts';
import { foldVietnamese } from '@khien/formats';

/**
 * How people write each kind in the `loai` column. The first label is the one
 * written on export and shown in the template; the others are accepted too.
 * Deliberately not "Trường" alone: it is ambiguous (school? unit under a school?).
 */
export const ORG_KIND_LABELS: Record<OrgKind, readonly [string, ...string[]]> = {
  province: ['Tỉnh, thành phố', 'Tỉnh', 'Thành phố', 'Tỉnh/Thành phố', 'Thành phố trực thuộc trung ương'],
  district: ['Huyện', 'Quận', 'Thị xã', 'Cấp huyện', 'Huyện (cũ)'],
  commune: ['Xã'],
  ward: ['Phường'],
  special_zone: ['Đặc khu'],
  agency: ['Cơ quan', 'Cơ quan, đơn vị', 'Cơ quan nhà nước'],
  school: ['Trường học', 'Cơ sở giáo dục'],
  residential_group: ['Thôn, tổ dân phố', 'Tổ dân phố', 'Thôn, bản', 'Thôn', 'Bản', 'Thôn/bản', 'Ấp', 'Khu phố'],
  police: ['Công an'],
  military_command: ['Ban Chỉ huy quân sự', 'Ban CHQS', 'Quân sự'],
  telecom: ['Doanh nghiệp viễn thông', 'Viễn thông'],
  monitoring_centre: ['Trung tâm giám sát', 'Trung tâm giám sát an toàn thông tin', 'SOC'],
  incident_response_team: ['Đội ứng cứu sự cố', 'Đội ứng cứu sự cố an toàn thông tin mạng', 'CSIRT'],
  other: ['Khác'],
};

/** Folded, punctuation-insensitive key: "Thôn, bản", "thon / ban" and "THON-BAN" all give "thon ban". */
export function kindKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const KIND_BY_KEY = new Map<string, OrgKind>();
for (const kind of ORG_KINDS) {
  KIND_BY_KEY.set(kindKey(kind), kind);
  for (const label of ORG_KIND_LABELS[kind]) KIND_BY_KEY.set(kindKey(label), kind);
}

const KIND_BY_TEXT = new Map<string, OrgKind | null>();

/** A kind from its code ("special_zone") or a Vietnamese label ("Đặc khu", "dac khu"); null if neither. */
export function parseOrgKind(text: string): OrgKind | null {
  const known = KIND_BY_TEXT.get(text);
  if (known !== undefined) return known;
  const kind = KIND_BY_KEY.get(kindKey(text)) ?? null;
  // a file spells its kinds a handful of ways: remember them (bounded, as cells are user input)
  if (KIND_BY_TEXT.size < 1_000) KIND_BY_TEXT.set(text, kind);
  return kind;
}

export function orgKindLabel(kind: OrgKind): string {
  return ORG_KIND_LABELS[kind][0];
}

// Official names start with the unit's kind ("Xã Mường Phăng", "Trường THCS …"); used when
// the `loai` cell is blank. Longest prefixes first, so "Thành phố" is not read as "Thôn".
const NAME_PREFIXES: readonly (readonly [string, OrgKind])[] = [
  ['ban chi huy quan su', 'military_command'],
  ['doi ung cuu su co', 'incident_response_team'],
  ['trung tam giam sat', 'monitoring_centre'],
  ['thanh pho', 'province'],
  ['to dan pho', 'residential_group'],
  ['dac khu', 'special_zone'],
  ['cong an', 'police'],
  ['truong', 'school'],
  ['phuong', 'ward'],
  ['huyen', 'district'],
  ['tinh', 'province'],
  ['thon', 'residential_group'],
  ['xa', 'commune'],
];

/** The kind an official name announces, e.g. "Phường Ba Đình" → ward; null when it announces none. */
export function inferOrgKind(name: string): OrgKind | null {
  const key = kindKey(name);
  for (const [prefix, kind] of NAME_PREFIXES) {
    if (key === prefix || key.startsWith(`${prefix} `)) return kind;
  }
  return null;
}
