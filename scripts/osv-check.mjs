#!/usr/bin/env node
// `npm run audit:deps`: the offline stand-in for `npm audit`. Matches every package installed by package-lock.json
// against the vendored GitHub-reviewed npm advisories (security/osv-npm-snapshot.json.gz, built by
// scripts/osv-snapshot.mjs; how to refresh it: security/README.md). Exit 0: nothing at or above --level that is
// not accepted in security/osv-allow.json; 1: findings to fix, or an expired/invalid allow-list entry;
// 2: the check could not run (no snapshot, unreadable lock).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SEVERITIES, ageInDays, dependencyChains, displayChain, displayKey, findAffected, judge, lockPackages, readAllowList } from './lib/osv.mjs';

const root = path.resolve(import.meta.dirname, '..');
const usage = `Cách dùng / usage: node scripts/osv-check.mjs [--level low|moderate|high|critical] [--max-age DAYS]
  [--lock package-lock.json] [--snapshot security/osv-npm-snapshot.json.gz] [--allow security/osv-allow.json]
  [--today YYYY-MM-DD] [--json] [--allow-missing-snapshot]`;

function parseArgs(argv) {
  const o = {
    level: 'high',
    maxAge: 45,
    lock: path.join(root, 'package-lock.json'),
    snapshot: path.join(root, 'security/osv-npm-snapshot.json.gz'),
    allow: path.join(root, 'security/osv-allow.json'),
    today: new Date().toISOString().slice(0, 10),
    json: false,
    allowMissingSnapshot: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) fail(`thiếu giá trị cho ${a} / ${a} needs a value\n${usage}`);
      return v;
    };
    if (a === '--level') o.level = value().toLowerCase();
    else if (a === '--max-age') o.maxAge = Number(value());
    else if (a === '--lock') o.lock = path.resolve(value());
    else if (a === '--snapshot') o.snapshot = path.resolve(value());
    else if (a === '--allow') o.allow = path.resolve(value());
    else if (a === '--today') o.today = value();
    else if (a === '--json') o.json = true;
    else if (a === '--allow-missing-snapshot') o.allowMissingSnapshot = true;
    else if (a === '-h' || a === '--help') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    } else fail(`tham số lạ / unknown argument: ${a}\n${usage}`);
  }
  if (!SEVERITIES.includes(o.level)) fail(`--level phải là / must be one of: ${SEVERITIES.join(', ')}`);
  if (!Number.isFinite(o.maxAge) || o.maxAge < 0) fail('--max-age phải là số ngày / must be a number of days');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.today)) fail('--today phải là YYYY-MM-DD / must be YYYY-MM-DD');
  return o;
}

function fail(message, code = 2) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function readJson(file) {
  const raw = fs.readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? zlib.gunzipSync(raw) : raw).toString('utf8'));
}

const SEVERITY_VI = { low: 'thấp', moderate: 'trung bình', high: 'cao', critical: 'nghiêm trọng', unknown: 'không rõ' };
const severityLabel = (s) => `${SEVERITY_VI[s] ?? SEVERITY_VI.unknown} / ${s}`;
const rel = (file) => path.relative(process.cwd(), file) || file;

function table(header, rows) {
  const width = (s) => [...s].length;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) =>
    cells
      .map((c, i) => c + ' '.repeat(widths[i] - width(c)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const started = performance.now();
const opts = parseArgs(process.argv.slice(2));
const out = [];
const say = (s = '') => out.push(s);

if (!fs.existsSync(opts.snapshot)) {
  const message =
    `Chưa có bản chụp cơ sở dữ liệu cảnh báo (${rel(opts.snapshot)}): chưa kiểm tra được phụ thuộc nào. Tạo nó theo security/README.md.\n` +
    `No advisory snapshot (${rel(opts.snapshot)}): no dependency was checked. Build it as security/README.md says.`;
  if (!opts.allowMissingSnapshot) fail(message);
  process.stdout.write(`CẢNH BÁO / WARNING: ${message}\n(--allow-missing-snapshot: thoát 0 / exiting 0)\n`);
  process.exit(0);
}

let snapshot, lock;
try {
  snapshot = readJson(opts.snapshot);
} catch (e) {
  fail(`Không đọc được bản chụp / cannot read the snapshot ${rel(opts.snapshot)}: ${e instanceof Error ? e.message : e}`);
}
try {
  lock = readJson(opts.lock);
} catch (e) {
  fail(`Không đọc được / cannot read ${rel(opts.lock)}: ${e instanceof Error ? e.message : e}`);
}
let installed;
try {
  installed = lockPackages(lock);
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}

let allowEntries = [];
let allowErrors = [];
if (fs.existsSync(opts.allow)) {
  try {
    ({ entries: allowEntries, errors: allowErrors } = readAllowList(readJson(opts.allow), opts.today));
  } catch (e) {
    allowErrors = [`${rel(opts.allow)}: ${e instanceof Error ? e.message : e}`];
  }
}

const { findings: raw, errors: rangeErrors } = findAffected(snapshot, installed);
const { findings, unused } = judge(raw, allowEntries, opts.level);
const chains = dependencyChains(lock);
const failing = findings.filter((f) => f.failing);

const src = snapshot.source ?? {};
const date = snapshot.snapshotDate ?? src.commitDate ?? snapshot.generatedAt;
const age = date ? ageInDays(date, `${opts.today}T23:59:59Z`) : NaN;
const staleWarnings = [];
say(`Kiểm tra phụ thuộc theo cảnh báo bảo mật đã được GitHub xem xét (npm) / dependency check against GitHub-reviewed npm advisories`);
say(
  `Bản chụp / snapshot: ${src.repository ?? '?'}${src.commit ? ` @ ${src.commit.slice(0, 12)}` : ''}, ngày / dated ${date ?? '?'}` +
    ` (${Number.isNaN(age) ? '?' : age} ngày trước / days old), ${snapshot.advisories?.length ?? 0} cảnh báo / advisories`,
);
say(`Lock: ${rel(opts.lock)}, ${installed.length} gói đã cài / installed packages; ngưỡng / level: ${severityLabel(opts.level)}`);
if (Number.isNaN(age) || age > opts.maxAge) {
  staleWarnings.push(
    `CẢNH BÁO / WARNING: bản chụp cũ hơn ${opts.maxAge} ngày — cảnh báo mới hơn không được kiểm tra; làm mới theo security/README.md.\n` +
      `the snapshot is older than ${opts.maxAge} days: newer advisories are not checked; refresh it as security/README.md says.`,
  );
}
for (const w of staleWarnings) say(w);
say();

if (findings.length === 0) {
  say('Không gói nào bị ảnh hưởng bởi cảnh báo trong bản chụp / no installed package is affected by an advisory in the snapshot.');
} else {
  const header = [
    'Gói / Package',
    'Phiên bản / Version',
    'Cảnh báo / Advisory',
    'Mức / Severity',
    'Bản sửa / Fixed in',
    'Vị trí / Path in tree',
    'Kết quả / Verdict',
  ];
  const rows = findings.map((f) => {
    const chain = chains.get(f.key);
    return [
      f.name,
      f.version,
      f.id,
      severityLabel(f.severity),
      f.fixed.length ? f.fixed.join(', ') : 'chưa có / none',
      `${chain ? displayChain(chain) : displayKey(f.key)}${f.dev ? ' (dev)' : ''}`,
      f.allowed ? `chấp nhận đến / allowed until ${f.allowed.expires}` : f.failing ? 'LỖI / FAIL' : 'dưới ngưỡng / below level',
    ];
  });
  say(table(header, rows));
  say();
  for (const f of findings.filter((x, i, all) => all.findIndex((y) => y.id === x.id) === i))
    say(`${f.id}${f.aliases.length ? ` (${f.aliases.join(', ')})` : ''}: ${f.summary}`);
  say();
}
for (const e of rangeErrors) say(`CẢNH BÁO / WARNING: ${e.id} không đánh giá được cho / could not be evaluated for ${e.name}@${e.version}: ${e.error}`);
for (const e of unused)
  say(`Ghi chú / note: mục chấp nhận không còn khớp gì, nên gỡ / allow-list entry matches nothing, remove it: ${e.id}${e.package ? ` (${e.package})` : ''}`);
for (const e of allowErrors) say(`LỖI / ERROR: ${e}`);

const ms = Math.round(performance.now() - started);
const ok = failing.length === 0 && allowErrors.length === 0;
say(
  ok
    ? `ĐẠT / PASS: ${findings.length} phát hiện / findings, không có phát hiện nào từ mức ${opts.level} trở lên chưa được chấp nhận / none at or above ${opts.level} unaccepted (${ms} ms)`
    : `KHÔNG ĐẠT / FAIL: ${failing.length} phát hiện từ mức ${opts.level} trở lên / findings at or above ${opts.level}` +
        `${allowErrors.length ? `, ${allowErrors.length} lỗi danh sách chấp nhận / allow-list errors` : ''} (${ms} ms). ` +
        'Nâng cấp gói, hoặc ghi vào security/osv-allow.json kèm lý do và hạn / upgrade, or accept in security/osv-allow.json with a reason and expiry.',
);

if (opts.json) {
  const report = {
    ok,
    level: opts.level,
    snapshot: { source: src, date, ageDays: age, stale: staleWarnings.length > 0, advisories: snapshot.advisories?.length ?? 0 },
    installed: installed.length,
    findings: findings.map((f) => ({ ...f, chain: chains.get(f.key) ?? null })),
    allowListErrors: allowErrors,
    unusedAllowEntries: unused,
    rangeErrors,
    ms,
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else process.stdout.write(`${out.join('\n')}\n`);
process.exit(ok ? 0 : 1);
