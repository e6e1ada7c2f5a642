#!/usr/bin/env node
// Builds security/osv-npm-snapshot.json.gz, the advisory data scripts/osv-check.mjs reads, from one of:
//   - a clone of github/advisory-database, bare (a mirror: read with `git ls-tree` / `git cat-file --batch`,
//     no work tree needed) or with a work tree: advisories/github-reviewed/**/GHSA-*.json at HEAD;
//   - OSV's npm export (all.zip, or the folder it unzips to): GHSA records marked github_reviewed.
// Keeps every GitHub-reviewed advisory on an npm package, in the compact form of scripts/lib/osv.mjs, so the
// snapshot stays valid when dependencies change. Usage: node scripts/osv-snapshot.mjs SOURCE [--out FILE] [--date ISO]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { compactAdvisory } from './lib/osv.mjs';

const root = path.resolve(import.meta.dirname, '..');
const usage = 'Cách dùng / usage: node scripts/osv-snapshot.mjs SOURCE [--out security/osv-npm-snapshot.json.gz] [--date YYYY-MM-DDTHH:MM:SSZ]';

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let source;
let outFile = path.join(root, 'security/osv-npm-snapshot.json.gz');
let dateOverride;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--out') outFile = path.resolve(args[++i] ?? fail(usage));
  else if (args[i] === '--date') dateOverride = args[++i] ?? fail(usage);
  else if (args[i] === '-h' || args[i] === '--help') fail(usage);
  else if (!source) source = path.resolve(args[i]);
  else fail(usage);
}
if (!source) fail(usage);
if (!fs.existsSync(source)) fail(`không thấy / not found: ${source}`);

function git(gitArgs) {
  const r = spawnSync('git', gitArgs, { encoding: 'utf8', maxBuffer: 1 << 30 });
  return r.status === 0 ? r.stdout : null;
}

/** Every blob of `blobs` ({ sha, path }) through one `git cat-file --batch`, handed to onBlob(path, text). */
function catFileBatch(gitDir, blobs, onBlob, onMissing) {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let buffer = Buffer.alloc(0);
    let next = 0;
    let pending = null; // { size, path } once a header is read
    child.stdout.on('data', (chunk) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (!pending) {
          const nl = buffer.indexOf(10);
          if (nl < 0) break;
          const header = buffer.subarray(0, nl).toString('utf8');
          buffer = buffer.subarray(nl + 1);
          const [, type, size] = header.split(' ');
          if (type === 'missing') {
            onMissing(blobs[next++].path); // a partial mirror may lack some objects: say so, go on
            continue;
          }
          if (type !== 'blob') {
            child.kill();
            return reject(new Error(`git cat-file: ${header}`));
          }
          pending = { size: Number(size), path: blobs[next++].path };
        }
        if (buffer.length < pending.size + 1) break;
        onBlob(pending.path, buffer.subarray(0, pending.size).toString('utf8'));
        buffer = buffer.subarray(pending.size + 1);
        pending = null;
      }
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 && next === blobs.length ? resolve(undefined) : reject(new Error(`git cat-file exited ${code}`))));
    let i = 0;
    const write = () => {
      while (i < blobs.length) if (!child.stdin.write(`${blobs[i++].sha}\n`)) return void child.stdin.once('drain', write);
      child.stdin.end();
    };
    write();
  });
}

function* jsonFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(p);
    else if (entry.name.endsWith('.json')) yield p;
  }
}

const advisories = [];
let read = 0;
let latestModified = '';
const bad = [];
const missing = [];
/** `reviewed`: the record came from advisories/github-reviewed; otherwise it must say so itself (OSV export). */
function take(file, text, reviewed) {
  read++;
  let osv;
  try {
    osv = JSON.parse(text);
  } catch {
    bad.push(file);
    return;
  }
  if (typeof osv.modified === 'string' && osv.modified > latestModified) latestModified = osv.modified;
  if (!reviewed && !(String(osv.id).startsWith('GHSA-') && osv.database_specific?.github_reviewed === true)) return;
  const compact = compactAdvisory(osv);
  if (compact) advisories.push(compact);
}

let header;
let tmp;
const started = performance.now();
const isDir = fs.statSync(source).isDirectory();
const workTreeReviewed = path.join(source, 'advisories/github-reviewed');
const bareHead = isDir && !fs.existsSync(workTreeReviewed) ? git(['--git-dir', source, 'rev-parse', '--verify', 'HEAD^{commit}']) : null;

if (bareHead) {
  const commit = bareHead.trim();
  const listing = git(['--git-dir', source, 'ls-tree', '-r', '-z', commit, '--', 'advisories/github-reviewed']) ?? fail('git ls-tree failed');
  const blobs = listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, p] = line.split('\t');
      const [, type, sha] = meta.split(' ');
      return { type, sha, path: p };
    })
    .filter((b) => b.type === 'blob' && b.path.endsWith('.json'));
  if (blobs.length === 0) fail(`${source}: không có advisories/github-reviewed ở HEAD / has no advisories/github-reviewed at HEAD`);
  await catFileBatch(
    source,
    blobs,
    (p, text) => take(p, text, true),
    (p) => missing.push(p),
  );
  const commitDate = (git(['--git-dir', source, 'log', '-1', '--format=%cI', commit]) ?? '').trim();
  header = { repository: 'github/advisory-database', commit, commitDate, layout: 'git' };
} else if (isDir && fs.existsSync(workTreeReviewed)) {
  for (const f of jsonFiles(workTreeReviewed)) take(path.relative(source, f), fs.readFileSync(f, 'utf8'), true);
  const commit = (git(['-C', source, 'rev-parse', 'HEAD']) ?? '').trim() || null;
  const commitDate = commit ? (git(['-C', source, 'log', '-1', '--format=%cI']) ?? '').trim() : null;
  header = { repository: 'github/advisory-database', commit, commitDate, layout: 'work tree' };
} else {
  let dir = source;
  if (!isDir) {
    if (!source.endsWith('.zip')) fail(`${source}: cần thư mục hoặc all.zip / expected a folder or all.zip\n${usage}`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'osv-npm-'));
    const r = spawnSync('unzip', ['-q', '-o', source, '-d', tmp], { stdio: 'inherit' });
    if (r.status !== 0) fail('unzip failed (apt-get install unzip)');
    dir = tmp;
  }
  for (const f of jsonFiles(dir)) take(path.relative(dir, f), fs.readFileSync(f, 'utf8'), false);
  header = { repository: 'OSV npm export (osv-vulnerabilities npm/all.zip)', commit: null, commitDate: null, layout: isDir ? 'folder' : 'zip' };
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

if (advisories.length === 0) fail(`không tìm thấy cảnh báo npm nào / no npm advisory found in ${source} (${read} files read)`);
advisories.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const snapshot = {
  format: 'khien-osv-npm-snapshot/1',
  source: header,
  // how current the data is: the commit's date, else the newest `modified` among the records read
  snapshotDate: dateOverride ?? (header.commitDate || latestModified || null),
  generatedAt: new Date().toISOString(),
  generator: 'scripts/osv-snapshot.mjs',
  advisories,
};
const json = Buffer.from(JSON.stringify(snapshot));
const body = outFile.endsWith('.gz') ? zlib.gzipSync(json, { level: 9 }) : json;
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, body);
const withdrawn = advisories.filter((a) => a.withdrawn).length;
process.stdout.write(
  `${path.relative(process.cwd(), outFile)}: ${advisories.length} cảnh báo npm / npm advisories (${withdrawn} withdrawn) of ${read} records read; ` +
    `${json.length} B JSON, ${body.length} B written; source ${header.repository}${header.commit ? ` @ ${header.commit}` : ''}, dated ${snapshot.snapshotDate}; ` +
    `${Math.round(performance.now() - started)} ms\n`,
);
if (bad.length) process.stderr.write(`CẢNH BÁO / WARNING: ${bad.length} tệp không phải JSON hợp lệ / files are not valid JSON, e.g. ${bad[0]}\n`);
if (missing.length)
  process.stderr.write(`CẢNH BÁO / WARNING: ${missing.length} tệp thiếu trong kho git / files missing from the git mirror, e.g. ${missing[0]}\n`);
