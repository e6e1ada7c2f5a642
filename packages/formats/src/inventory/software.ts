import { cpeFromPackage } from '../cpe/from-package.js';
import { purlFor } from '../cpe/purl.js';
import type { HostOs, SoftwareFormat, SoftwareItem, SoftwareSource } from './types.js';

/** The OS facts a purl needs: namespace (debian, ubuntu, redhat…) and the distro qualifier. */
export type DistroHint = Pick<HostOs, 'platform' | 'version'> & Partial<Pick<HostOs, 'major' | 'minor' | 'name'>>;

// osquery/Wazuh platform ids → purl namespaces (purl-spec deb and rpm type definitions use the vendor name)
const NAMESPACE_BY_PLATFORM: Record<string, string> = {
  debian: 'debian',
  ubuntu: 'ubuntu',
  raspbian: 'raspbian',
  linuxmint: 'linuxmint',
  kali: 'kali',
  rhel: 'redhat',
  redhat: 'redhat',
  centos: 'centos',
  fedora: 'fedora',
  rocky: 'rocky',
  almalinux: 'almalinux',
  ol: 'oracle',
  oracle: 'oracle',
  amzn: 'amazon',
  opensuse: 'opensuse',
  'opensuse-leap': 'opensuse',
  sles: 'suse',
  suse: 'suse',
  alpine: 'alpine',
};

// rpm `vendor` strings name the distributor, which is the purl namespace when the OS is not known
const RPM_VENDOR_HINTS: [RegExp, string][] = [
  [/red hat/i, 'redhat'],
  [/fedora/i, 'fedora'],
  [/centos/i, 'centos'],
  [/rocky/i, 'rocky'],
  [/almalinux|cloudlinux/i, 'almalinux'],
  [/oracle/i, 'oracle'],
  [/amazon/i, 'amazon'],
  [/suse/i, 'suse'],
];

function distroOf(hint: DistroHint | undefined): { namespace?: string; distro?: string } {
  if (!hint?.platform) return {};
  const namespace = NAMESPACE_BY_PLATFORM[hint.platform.toLowerCase()];
  if (!namespace) return {};
  const fromVersion = /^(\d+)(?:\.(\d+))?/.exec(hint.version ?? '');
  const major = hint.major ?? fromVersion?.[1];
  if (!major) return { namespace };
  // Ubuntu releases are named by year.month (22.04); the others by major version
  const minor = hint.minor ?? fromVersion?.[2];
  const release = namespace === 'ubuntu' && minor ? `${major}.${minor.padStart(2, '0')}` : major;
  return { namespace, distro: `${hint.platform.toLowerCase()}-${release}` };
}

/** Debian version without epoch and revision: 1:2.38.1-5+deb12u1 → 2.38.1. */
export function debianUpstreamVersion(v: string): string {
  const noEpoch = v.replace(/^\d+:/, '');
  const dash = noEpoch.lastIndexOf('-');
  return dash > 0 ? noEpoch.slice(0, dash) : noEpoch;
}

/** Source package name from dpkg's `Source: openssl (3.0.11-1)` or rpm's `openssl-3.0.7-24.el9.src.rpm`. */
export function sourcePackageName(source: string | undefined, format: SoftwareFormat): string | undefined {
  if (!source) return undefined;
  if (format === 'deb') return source.replace(/\s*\(.*\)\s*$/, '').trim() || undefined;
  if (format === 'rpm') {
    const m = /^(.+)-[^-]+-[^-]+\.src\.rpm$/.exec(source);
    return m?.[1];
  }
  return undefined;
}

/**
 * The purl of an installed package, or undefined where no purl type fits (Windows programs, macOS apps).
 * Pass the host's OS to get the deb/rpm namespace and distro qualifier; without it deb purls have no
 * namespace and rpm purls take it from the rpm vendor when that names a distributor.
 */
export function purlForSoftware(item: Pick<SoftwareItem, 'format' | 'product' | 'version' | 'arch' | 'epoch' | 'vendor'>, os?: DistroHint): string | undefined {
  const base = { name: item.product, version: item.version, arch: item.arch ?? null };
  switch (item.format) {
    case 'deb': {
      const d = distroOf(os);
      return purlFor({ type: 'deb', namespace: d.namespace ?? null, distro: d.distro ?? null, ...base }) ?? undefined;
    }
    case 'rpm': {
      const d = distroOf(os);
      const namespace = d.namespace ?? RPM_VENDOR_HINTS.find(([re]) => re.test(item.vendor ?? ''))?.[1] ?? null;
      return purlFor({ type: 'rpm', namespace, distro: d.distro ?? null, epoch: item.epoch ?? null, ...base }) ?? undefined;
    }
    case 'pypi':
      return purlFor({ type: 'pypi', name: item.product, version: item.version }) ?? undefined;
    case 'npm': {
      // "@scope/name" keeps its scope as the namespace
      const m = /^(@[^/]+)\/(.+)$/.exec(item.product);
      return purlFor({ type: 'npm', namespace: m?.[1] ?? null, name: m?.[2] ?? item.product, version: item.version }) ?? undefined;
    }
    default:
      return undefined;
  }
}

export interface RawSoftware {
  source: SoftwareSource;
  format: SoftwareFormat;
  product: string;
  version: string;
  vendor?: string | undefined;
  arch?: string | undefined;
  epoch?: string | undefined;
  installedAt?: Date | null;
  /** Source package name, the better CPE product for distro packages (libssl3 → openssl). */
  sourceName?: string | undefined;
}

/**
 * Fills in cpe and purl. Packages from package managers get vendor ANY in the CPE: a deb maintainer or
 * a PyPI author is not the vendor NVD names; Windows programs and macOS apps keep their publisher.
 */
export function finishSoftware(raw: RawSoftware, os?: DistroHint): SoftwareItem {
  const item: SoftwareItem = { source: raw.source, format: raw.format, product: raw.product, version: raw.version };
  if (raw.vendor) item.vendor = raw.vendor;
  // rpm's gpg-pubkey pseudo-packages have arch "(none)"
  if (raw.arch && raw.arch !== '(none)') item.arch = raw.arch;
  if (raw.epoch && raw.epoch !== '0') item.epoch = raw.epoch;
  if (raw.installedAt !== undefined) item.installedAt = raw.installedAt;
  const publisherIsVendor = raw.format === 'win' || raw.format === 'macos' || raw.format === 'other';
  let cpeVersion = raw.version;
  // 4.13+dfsg1 is Debian's repack of upstream 4.13
  if (raw.format === 'deb') cpeVersion = debianUpstreamVersion(raw.version).replace(/[+~](dfsg|ds)\d*$/, '');
  if (raw.format === 'rpm') cpeVersion = raw.version.replace(/-[^-]*$/, '');
  const cpe = cpeFromPackage({ vendor: publisherIsVendor ? (raw.vendor ?? null) : null, product: raw.sourceName ?? raw.product, version: cpeVersion });
  if (cpe) item.cpe = cpe;
  const purl = purlForSoftware(item, os);
  if (purl) item.purl = purl;
  return item;
}
