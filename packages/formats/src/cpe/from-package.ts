import { CPE_ANY, textToCpeValue } from './cpe.js';

export interface PackageForCpe {
  vendor?: string | null;
  product: string;
  version?: string | null;
  /** a = application (default), o = operating system, h = hardware. */
  part?: 'a' | 'o' | 'h';
}

// Legal-form words that NVD vendor names leave out ("Microsoft Corporation" → microsoft).
const VENDOR_SUFFIXES = /[\s,]+(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|gmbh|ag|s\.?a|s\.?r\.?l|b\.?v|plc|pty|jsc|oy|ab)\.?$/i;

/** Lower case, Vietnamese marks folded, spaces to `_`, anything not printable ASCII dropped. */
function normaliseText(s: string): string {
  // most names are plain ASCII already: skip the Unicode work for them
  const ascii = /^[\x20-\x7e]*$/.test(s)
    ? s
    : s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D')
        .replace(/[^\x20-\x7e]/g, '');
  return ascii
    .toLowerCase()
    .replace(/\((r|tm|c)\)/g, '') // Intel(R), Windows(TM)
    .trim()
    .replace(/\s+/g, '_');
}

export function normaliseVendor(vendor: string): string {
  let v = vendor.replace(/<[^>]*>/g, ' ').trim(); // "Wazuh, Inc <info@wazuh.com>"
  for (let i = 0; i < 3; i++) {
    const next = v.replace(VENDOR_SUFFIXES, '').replace(/[\s,.]+$/, '');
    if (next === v || next === '') break;
    v = next;
  }
  // Vietnamese legal forms lead the name: "Công ty Cổ phần BKAV", "Công ty TNHH MTV …"
  return normaliseText(v).replace(/^(cong_ty|cty|ctcp)(_(co_phan|tnhh|cp))?(_(mot_thanh_vien|mtv))?_(?=.)/, '');
}

export function normaliseProduct(product: string, vendor: string, version: string): string {
  let p = product.includes('(') ? product.replace(/\s*\([^)]*\)\s*/g, ' ').trim() : product; // "7-Zip 23.01 (x64)"
  if (version !== '' && p.includes(version)) {
    // "7-Zip 23.01" → "7-Zip"; only a version standing as its own word
    const v = version.toLowerCase();
    p = p
      .split(/\s+/)
      .filter((w) => w.toLowerCase() !== v && w.toLowerCase() !== `v${v}`)
      .join(' ');
  }
  const firstVendorWord = vendor ? (normaliseVendor(vendor).split('_')[0] ?? '') : '';
  let n = normaliseText(p);
  // "Mozilla Firefox" by Mozilla → firefox, as NVD names it
  if (firstVendorWord.length > 1 && n.startsWith(`${firstVendorWord}_`)) n = n.slice(firstVendorWord.length + 1);
  return n;
}

/**
 * Best-effort CPE 2.3 name for an installed package, for matching against NVD/CVE data.
 * Not authoritative: NVD's vendor/product names are curated, and many packages will not match exactly.
 * - lower case, Vietnamese marks folded, whitespace → `_`, characters outside printable ASCII dropped;
 * - vendor: e-mail in <…> and legal forms removed (Inc., Corporation, GmbH, Co., Ltd., Công ty Cổ phần/TNHH …); unknown → ANY;
 * - product: parenthesised notes and the version number removed, the vendor's first word stripped
 *   from the front ("Google Chrome" by Google LLC → google:chrome);
 * - version: as given, escaped; unknown → ANY.
 * Returns null when no product name is left.
 */
export function cpeFromPackage(pkg: PackageForCpe): string | null {
  const version = (pkg.version ?? '').trim();
  const vendorText = pkg.vendor ? normaliseVendor(pkg.vendor) : '';
  const productText = normaliseProduct(pkg.product ?? '', pkg.vendor ?? '', version);
  const product = textToCpeValue(productText);
  if (product === null) return null;
  const vendor = textToCpeValue(vendorText) ?? CPE_ANY;
  const versionValue = textToCpeValue(normaliseText(version)) ?? CPE_ANY;
  // written out rather than through formatCpe: this runs once per installed package
  return `cpe:2.3:${pkg.part ?? 'a'}:${vendor}:${product}:${versionValue}:*:*:*:*:*:*:*`;
}
