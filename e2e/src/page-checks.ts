/**
 * What a person on a 375 px phone would trip over on a page, found in the rendered DOM:
 * the page scrolling sideways, an element cut at the screen's edge, chart labels on top of each
 * other, an IP address broken over two lines, a raw i18n key, an English word in the Vietnamese UI.
 * Pure checks run in the page (no dependency on the app's code), used by the phone sweep.
 */
import type { Page } from 'playwright-core';

export interface PageProblem {
  kind: 'sideways' | 'cut' | 'chart_labels' | 'ip_wrapped' | 'raw_key' | 'english';
  detail: string;
}

/**
 * Words a Vietnamese page may carry without diacritics that are not Vietnamese syllables: names of
 * products, formats and standards a person reads as such. Anything else in plain ASCII letters that
 * cannot be a Vietnamese syllable is taken for English.
 */
export const ALLOWED_WORDS = new Set(
  [
    'Khiên',
    'osquery',
    'Email',
    'email',
    'Zalo',
    'Viettel',
    'Mobifone',
    'MobiFone',
    'Vinaphone',
    'Windows',
    // an edition, as in "Windows 10 Pro"
    'Pro',
    'Suricata',
    'Grafana',
    'Alertmanager',
    'Prometheus',
    'Shuffle',
    'Syslog',
    'syslog',
    'Telegram',
    'Office',
    'Linux',
    'Ubuntu',
    'Debian',
    'Android',
    'Chrome',
    'Chromium',
    'Firefox',
    'Wazuh',
    'Excel',
    'Word',
    'Google',
    'Authenticator',
    'Microsoft',
    'Apple',
    'Cisco',
    'Fortinet',
    'FortiGate',
    'Oracle',
    'MySQL',
    'PostgreSQL',
    'Nginx',
    'Apache',
    'Kaspersky',
    'Bkav',
    'iOS',
    'macOS',
    'docx',
    'xlsx',
    'csv',
    'pdf',
    'txt',
    'json',
    'png',
    'jpg',
    'jpeg',
    'zip',
    'ics',
    'ltree',
    'Lưu',
    'hotline',
    'online',
    'offline',
    'website',
    'web',
    'server',
    'router',
    'switch',
    'firewall',
    'camera',
    'laptop',
    'wifi',
    'Wi',
    'Fi',
    'internet',
    'Internet',
    'antivirus',
    'backup',
    'cloud',
    'domain',
    'admin',
    'SĐT',
    'Tết',
    'vi',
    'en',
    'English',
    'Hz',
  ].map((w) => w.toLowerCase()),
);

/** Everything measured in one evaluate, so the sweep costs one round trip per page. */
export async function findPageProblems(page: Page, opts: { vietnamese: boolean }): Promise<PageProblem[]> {
  const found = await page.evaluate(
    ({ vietnamese, allowed }) => {
      const out: { kind: string; detail: string }[] = [];
      const vw = document.documentElement.clientWidth;
      const describe = (el: Element) => {
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
        const id = el.getAttribute('data-testid');
        return `<${el.tagName.toLowerCase()}${id ? ` data-testid="${id}"` : ''}> "${text}"`;
      };
      const sideways = document.documentElement.scrollWidth - vw;
      if (sideways > 0) out.push({ kind: 'sideways', detail: `page is ${sideways}px wider than the screen` });

      // An element past the screen's edge, not inside something that scrolls on its own (a table's box).
      const scrolls = (el: Element | null): boolean => {
        for (let e = el; e && e !== document.body; e = e.parentElement) {
          const s = getComputedStyle(e);
          if ((s.overflowX === 'auto' || s.overflowX === 'scroll') && e.scrollWidth > e.clientWidth) return true;
        }
        return false;
      };
      const hidden = (el: Element) => {
        const s = getComputedStyle(el);
        return s.visibility === 'hidden' || s.opacity === '0' || s.clip === 'rect(0px, 0px, 0px, 0px)' || s.clipPath === 'inset(50%)';
      };
      // inside a closed panel (a collapsed row's details): in the DOM, not on the screen
      const collapsed = (el: Element) => {
        for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) {
          const st = getComputedStyle(e);
          if (st.display === 'none' || (st.display !== 'inline' && st.overflow !== 'visible' && (e as HTMLElement).clientHeight === 0)) return true;
        }
        return false;
      };
      let cut = 0;
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (cut >= 5) break;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.children.length > 0) continue; // leaves: what a person reads
        // straddling an edge: half on screen, half off (a closed drawer lies wholly off screen, and is fine)
        const straddles = (r.left < vw - 1 && r.right > vw + 1) || (r.left < -1 && r.right > 1);
        if (straddles && !hidden(el) && !scrolls(el) && !el.closest('[aria-hidden="true"]')) {
          cut += 1;
          out.push({ kind: 'cut', detail: `${describe(el)} spans ${Math.round(r.left)}…${Math.round(r.right)}px of ${vw}px` });
        }
      }

      // Chart axis labels drawn over each other.
      for (const svg of Array.from(document.querySelectorAll('svg'))) {
        const labels = Array.from(svg.querySelectorAll('text'))
          .map((t) => ({ t, r: t.getBoundingClientRect() }))
          .filter((x) => x.r.width > 0 && (x.t.textContent ?? '').trim() !== '');
        let overlaps = 0;
        for (let i = 0; i < labels.length && overlaps < 3; i++)
          for (let j = i + 1; j < labels.length && overlaps < 3; j++) {
            const a = labels[i]!.r;
            const b = labels[j]!.r;
            const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (w > 2 && h > 2) {
              overlaps += 1;
              out.push({ kind: 'chart_labels', detail: `"${labels[i]!.t.textContent}" overlaps "${labels[j]!.t.textContent}"` });
            }
          }
      }

      // Text nodes, for IP addresses, raw keys and words.
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => {
          const p = n.parentElement;
          // codes (a command, a JSON value) are set as code and read as such
          // translate="no": someone else's words shown as written (an alert's title as Wazuh sent it), not the UI's
          if (!p || p.closest('script,style,noscript,code,pre,kbd,samp,[aria-hidden="true"],[translate="no"]')) return NodeFilter.FILTER_REJECT;
          const r = p.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && !hidden(p) && !collapsed(p) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
        },
      });
      const texts: string[] = [];
      const ip = /\b(?:\d{1,3}\.){3}\d{1,3}(?:\/\d{1,2})?\b|\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){2,7}(?:\/\d{1,3})?\b/gi;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const value = n.nodeValue ?? '';
        texts.push(value);
        for (const m of value.matchAll(ip)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push({ kind: 'ip_wrapped', detail: `"${m[0]}" breaks over ${tops.size} lines` });
        }
      }
      for (const el of Array.from(document.querySelectorAll('input[placeholder],textarea[placeholder],[title],[aria-label]'))) {
        if (el.getBoundingClientRect().width === 0 || hidden(el) || el.closest('[aria-hidden="true"]')) continue;
        for (const a of ['placeholder', 'title', 'aria-label']) {
          const v = el.getAttribute(a);
          if (v) texts.push(v);
        }
      }

      const tlds = /\.(vn|com|net|org|local|example|io|gov|edu|int)$/i;
      const files = /\.(docx?|xlsx?|pdf|csv|txt|json|png|jpe?g|zip|ics|xml|gz)$/i;
      const rawKey = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9_]*)+$/;
      const syllable =
        /^(ngh|ng|gh|gi|ch|kh|nh|ph|qu|th|tr|[bcdghklmnpqrstvx])?(uye|uya|oai|oay|oeo|uay|uoi|uou|ieu|yeu|uoc|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|[aeiouy])(ch|ng|nh|[cmnptiyou])?$/;
      const seenWords = new Set<string>();
      for (const text of texts) {
        for (const token of text.split(/\s+/)) {
          const bare = token.replace(/^[("'“‘[{«]+|[)"'”’\]}»,;:!?.…]+$/g, '');
          if (rawKey.test(bare) && !tlds.test(bare) && !files.test(bare)) out.push({ kind: 'raw_key', detail: bare });
        }
        if (!vietnamese) continue;
        // addresses, files and codes are read as such: leave them out before looking at words
        const words = text
          .split(/\s+/)
          // numbers, dates, addresses, versions and ids are read as such; so is a date format
          .filter((token) => !/\d/.test(token) && !/^\(?dd\/mm\/yyyy\)?$/i.test(token))
          .join(' ')
          .replace(/\S+@\S+/g, ' ')
          .replace(/\b[\w-]+(\.[\w-]+)+\b/g, ' ')
          .replace(/\bhttps?:\/\/\S+/g, ' ')
          .split(/[^A-Za-zÀ-ỹĐđ]+/);
        for (const w of words) {
          if (w.length < 2 || /[^A-Za-z]/.test(w)) continue; // diacritics: Vietnamese
          if (w === w.toUpperCase()) continue; // acronyms and codes: UBND, CNTT, TOTP
          if (/^[a-z]+[A-Z]/.test(w)) continue; // identifiers people type: macOS, iPhone
          const lower = w.toLowerCase();
          if (allowed.includes(lower) || syllable.test(lower) || /^[0-9a-f]{8,}$/.test(lower)) continue;
          if (seenWords.has(lower)) continue;
          seenWords.add(lower);
          out.push({ kind: 'english', detail: `"${w}" in "${text.trim().slice(0, 80)}"` });
        }
      }
      return out;
    },
    { vietnamese: opts.vietnamese, allowed: [...ALLOWED_WORDS] },
  );
  return found as PageProblem[];
}
