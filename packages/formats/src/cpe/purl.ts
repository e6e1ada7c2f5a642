/**
 * Package URLs (purl-spec, "Characters and encoding" and the type definitions):
 * `pkg:type/namespace/name@version?qualifiers#subpath`.
 */

export interface PurlInput {
  /** deb, rpm, apk, pypi, npm, generic, … (lower-cased). */
  type: string;
  /** deb/rpm: the distro vendor (debian, ubuntu, fedora, redhat); npm: the @scope. May hold `/`-separated segments. */
  namespace?: string | null;
  name: string;
  version?: string | null;
  arch?: string | null;
  /** deb/rpm distro qualifier, e.g. debian-12, fedora-25. */
  distro?: string | null;
  /** rpm epoch; written as the `epoch` qualifier when not 0. */
  epoch?: string | number | null;
  qualifiers?: Record<string, string | null | undefined>;
  subpath?: string | null;
}

/** Types whose namespace and name the spec says are case-insensitive and lower-cased. */
const LOWERCASE_NAMESPACE = new Set(['deb', 'rpm', 'apk', 'alpm', 'bitbucket', 'github', 'golang', 'hex', 'npm', 'composer']);
const LOWERCASE_NAME = new Set(['deb', 'apk', 'alpm', 'bitbucket', 'github', 'hex', 'npm', 'pypi', 'composer']);

const TYPE_PATTERN = /^[a-z][a-z0-9.+-]*$/;

/**
 * Percent-encodes per the purl spec: letters, digits, `.-_~` and `:` stay; every other
 * UTF-8 octet becomes %XX (upper-case hex, RFC 3986 §2.1).
 */
export function purlEncode(s: string): string {
  if (/^[A-Za-z0-9._~:-]*$/.test(s)) return s;
  // encodeURIComponent leaves !'()* alone, which the purl spec encodes, and encodes ':', which it keeps;
  // a lone surrogate would make it throw, so those become U+FFFD first (as String#toWellFormed does)
  const wellFormed = s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return encodeURIComponent(wellFormed)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%3A/g, ':');
}

/**
 * Builds a canonical purl, or null when a required part (type, name) is missing or the type is invalid.
 * e.g. purlFor({ type: 'deb', namespace: 'debian', name: 'openssl', version: '3.0.11-1~deb12u2', arch: 'amd64', distro: 'debian-12' })
 *   → pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12
 */
export function purlFor(input: PurlInput): string | null {
  const type = (input.type ?? '').trim().toLowerCase();
  if (!TYPE_PATTERN.test(type)) return null;
  let name = (input.name ?? '').trim();
  if (name === '') return null;
  if (LOWERCASE_NAME.has(type)) name = name.toLowerCase();
  // PEP 503: pypi names compare with runs of -_. as one '-'
  if (type === 'pypi') name = name.replace(/[-_.]+/g, '-');
  let out = `pkg:${type}/`;
  if (input.namespace) {
    for (const raw of input.namespace.split('/')) {
      const seg = raw.trim();
      if (seg !== '') out += `${purlEncode(LOWERCASE_NAMESPACE.has(type) ? seg.toLowerCase() : seg)}/`;
    }
  }
  out += purlEncode(name);
  const version = (input.version ?? '').trim();
  if (version !== '') out += `@${purlEncode(version)}`;

  const qualifiers: [string, string][] = [];
  const add = (key: string, v: unknown): void => {
    const value = v == null ? '' : String(v).trim();
    if (value === '') return;
    const i = qualifiers.findIndex(([k]) => k === key);
    if (i >= 0) qualifiers[i] = [key, value];
    else qualifiers.push([key, value]);
  };
  if (input.qualifiers) {
    for (const [k, v] of Object.entries(input.qualifiers)) {
      const key = k.trim().toLowerCase();
      if (/^[a-z0-9._-]+$/.test(key)) add(key, v);
    }
  }
  add('arch', input.arch);
  add('distro', input.distro);
  const epoch = input.epoch == null ? '' : String(input.epoch).trim();
  if (epoch !== '0') add('epoch', epoch);
  if (qualifiers.length > 0) {
    qualifiers.sort(([a], [b]) => (a < b ? -1 : 1));
    out += `?${qualifiers.map(([k, v]) => `${k}=${purlEncode(v)}`).join('&')}`;
  }

  if (input.subpath) {
    const subpath = input.subpath
      .split('/')
      .filter((seg) => seg !== '' && seg !== '.' && seg !== '..')
      .map(purlEncode)
      .join('/');
    if (subpath !== '') out += `#${subpath}`;
  }
  return out;
}
