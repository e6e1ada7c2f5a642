/** Every CPE 2.3 name in the real NVD, CVE 5 and CSAF files of ../shared/data parses and formats back to itself. */
// The parsers stay free of I/O; only this test reads the shared data files.
// eslint-disable-next-line no-restricted-imports
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatCpe, parseCpe } from './index.js';

const DATA = new URL('../../../../../shared/data/', import.meta.url);

function collectCpes(node: unknown, into: Set<string>): void {
  if (typeof node === 'string') {
    if (node.startsWith('cpe:2.3:')) into.add(node);
  } else if (Array.isArray(node)) {
    for (const v of node) collectCpes(v, into);
  } else if (node && typeof node === 'object') {
    for (const v of Object.values(node)) collectCpes(v, into);
  }
}

describe('CPEs in real advisories', () => {
  it('round-trips every CPE 2.3 string in nvd/, cve5/ and csaf/', () => {
    const cpes = new Set<string>();
    for (const dir of ['nvd', 'cve5', 'csaf']) {
      for (const f of readdirSync(new URL(`${dir}/`, DATA)).filter((n) => n.endsWith('.json'))) {
        collectCpes(JSON.parse(readFileSync(new URL(`${dir}/${f}`, DATA), 'utf8')), cpes);
      }
    }
    expect(cpes.size).toBeGreaterThan(200);
    const problems: string[] = [];
    for (const c of cpes) {
      const r = parseCpe(c);
      if (!r.ok) problems.push(`${c}: ${r.reason}`);
      else if (formatCpe(r.cpe) !== c) problems.push(`${c} → ${formatCpe(r.cpe)}`);
    }
    expect(problems).toEqual([]);
  });
});
