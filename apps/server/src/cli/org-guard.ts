import type { ImportAdded, OrgKind } from '@khien/contracts';
import type { CliMessages } from './messages.js';

/** Administrative levels, top first; other kinds (agencies, schools…) sit anywhere. */
const LEVEL: Partial<Record<OrgKind, number>> = { province: 1, district: 2, commune: 3, ward: 3, special_zone: 3, residential_group: 4 };
/** More new orgs than this in one file is worth a second look. */
export const MANY_ORGS = 1_000;

export interface Surprises {
  /** provinces under another org: the national list imported under one province */
  province: boolean;
  /** an org under one of its own level or lower: communes under a commune */
  level: boolean;
  many: boolean;
}

/** What in a file's additions `khien org import` asks --yes for. */
export function surprisesOf(added: readonly ImportAdded[]): Surprises & { any: boolean } {
  const rank = (k: OrgKind | null) => (k === null ? undefined : LEVEL[k]);
  const province = added.some((g) => g.kind === 'province' && g.underKind !== null);
  const level = added.some((g) => {
    const own = rank(g.kind);
    const under = rank(g.underKind);
    return own !== undefined && under !== undefined && own <= under;
  });
  const many = added.reduce((n, g) => n + g.count, 0) > MANY_ORGS;
  return { province, level, many, any: province || level || many };
}

/** "34 tỉnh/thành phố dưới tỉnh/thành phố: Thành phố Hà Nội, …", most numerous first. */
export function additionLines(m: CliMessages, added: readonly ImportAdded[], under: string): string[] {
  const groups = [...added].sort((a, b) => (LEVEL[a.kind] ?? 9) - (LEVEL[b.kind] ?? 9) || b.count - a.count);
  return [
    m.org.wouldAdd(under),
    ...groups.map((g) =>
      m.org.group(g.count, m.kinds[g.kind], g.underKind ? m.kinds[g.underKind] : null, `${g.examples.join(', ')}${g.count > g.examples.length ? ', …' : ''}`),
    ),
  ];
}

export function surpriseReasons(m: CliMessages, s: Surprises): string {
  return [s.province ? m.org.reasonProvince : null, s.level ? m.org.reasonLevel : null, s.many ? m.org.reasonMany(MANY_ORGS) : null].filter(Boolean).join('; ');
}
