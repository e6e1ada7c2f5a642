import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { Role } from '@khien/contracts';
import { ImportOptionsSchema, RoleSchema } from '@khien/contracts';
import { loadConfig } from './platform/config.js';
import { allJobs, openMigrated, printSeed, serve } from './server.js';
import { startJobs } from './platform/jobs/index.js';
import { auditVerifyReport } from './platform/audit/audit-verify-report.js';
import { checkpointFileOf, createCheckpoint } from './platform/audit/audit-checkpoint.js';
import { auditKeysFromConfig } from './platform/audit/audit-signing.js';
import type { Actor } from './platform/policy.js';
import type { AuditContext } from './platform/audit/audit.js';
import { findOrgByAdminCode, getOrgRef, importOrgs } from './modules/orgs/index.js';
import { addGrant, createUser, resetPassword, resetTotp, usersRepo } from './modules/users/index.js';
import { dispatchJson, extractDispatchText, notADispatch, parseDispatchText } from './modules/directives/index.js';
import { documentKind, readDocument } from './platform/documents/index.js';
import { getImport, runImportNow, startImportFromPath } from './modules/inventory/index.js';
import { registerBackupCommands } from './platform/backup/index.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/** The CLI acts as the operator at the console: every right, and named in the audit log. */
function cliActor(): Actor {
  return {
    kind: 'user',
    userId: '00000000-0000-0000-0000-000000000000',
    tokenId: null,
    label: `cli:${os.userInfo().username}`,
    grants: [{ role: 'system_admin', orgPath: null }],
    tokenLimit: null,
  };
}
function cliAudit(): AuditContext {
  return { actor: cliActor(), ip: null, requestId: null };
}

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openMigrated>>) => Promise<T>): Promise<T> {
  const database = await openMigrated(loadConfig());
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function orgByCodeOrId(db: Parameters<typeof getOrgRef>[0], ref: string) {
  const org = /^[0-9a-f-]{36}$/i.test(ref) ? await getOrgRef(db, ref) : await findOrgByAdminCode(db, ref);
  if (!org) throw new Error(`Không tìm thấy đơn vị "${ref}" / org not found`);
  return org;
}

const program = new Command('khien').description('Khiên — điều phối an toàn, an ninh mạng / network-security coordination').showHelpAfterError();

program
  .command('serve')
  .description('chạy máy chủ web và API / run the web server and API')
  .option('--no-worker', 'không chạy bộ xử lý công việc nền (PostgreSQL) / do not run background jobs here')
  .action(async (opts: { worker: boolean }) => {
    const running = await serve(loadConfig(), { worker: opts.worker, print });
    const shutdown = () => void running.stop().then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('migrate')
  .description('áp dụng các migration cơ sở dữ liệu / apply database migrations')
  .action(async () => {
    await withDb(async (d) => print(`Đã cập nhật cơ sở dữ liệu (${d.kind}) / migrations applied`));
  });

program
  .command('worker')
  .description('chạy bộ xử lý công việc nền (nhắc hạn, leo thang, dọn dẹp) / run the job worker')
  .action(async () => {
    const config = loadConfig();
    const database = await openMigrated(config);
    const jobs = await startJobs(database, {
      databaseUrl: config.databaseUrl,
      work: true,
      definitions: allJobs(database, config),
      onError: (err, job) => console.error(job ? `job ${job}:` : 'jobs:', err),
    });
    print(`Bộ xử lý công việc đang chạy / worker running (${database.kind})`);
    const shutdown = () =>
      void jobs
        .stop()
        .then(() => database.close())
        .then(() => process.exit(0));
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

const user = program.command('user').description('quản lý người dùng / manage users');
user
  .command('create')
  .requiredOption('--email <email>')
  .requiredOption('--name <fullName>')
  .requiredOption('--org <codeOrId>', 'đơn vị chủ quản (mã hành chính hoặc id) / home org')
  .option('--role <role>', `vai trò / role: ${RoleSchema.options.join(', ')}`)
  .option('--grant-org <codeOrId>', 'đơn vị được cấp quyền (mặc định: đơn vị chủ quản) / org of the grant')
  .action(async (o: { email: string; name: string; org: string; role?: string; grantOrg?: string }) => {
    await withDb(async ({ db }) => {
      const home = await orgByCodeOrId(db, o.org);
      const role = o.role ? (RoleSchema.parse(o.role) as Role) : undefined;
      const { user: u, temporaryPassword } = await createUser(
        db,
        null,
        { email: o.email, fullName: o.name, phone: null, homeOrgId: home.id, locale: 'vi' },
        cliAudit(),
      );
      if (role) {
        const grantOrg = role === 'system_admin' ? null : await orgByCodeOrId(db, o.grantOrg ?? o.org);
        await addGrant(db, cliActor(), u.id, { role, orgId: grantOrg?.id ?? null }, cliAudit());
      }
      print(`Đã tạo ${u.email}. Mật khẩu tạm (phải đổi khi đăng nhập) / temporary password: ${temporaryPassword}`);
    });
  });
user
  .command('reset')
  .requiredOption('--email <email>')
  .option('--totp', 'xoá cả xác thực hai lớp / also remove the second factor')
  .action(async (o: { email: string; totp?: boolean }) => {
    await withDb(async ({ db }) => {
      const u = await usersRepo.findUserByEmail(db, o.email);
      if (!u) throw new Error(`Không có người dùng ${o.email} / no such user`);
      if (o.totp) await resetTotp(db, cliActor(), u.id, cliAudit());
      const { temporaryPassword } = await resetPassword(db, cliActor(), u.id, cliAudit());
      print(`Mật khẩu tạm (phải đổi khi đăng nhập) / temporary password: ${temporaryPassword}`);
    });
  });

program
  .command('org')
  .description('cơ cấu tổ chức / org tree')
  .command('import <file>')
  .description('nhập CSV, XLSX hoặc danh mục đơn vị hành chính JSON / import CSV, XLSX or the admin-units JSON')
  .option('--parent <codeOrId>', 'đơn vị cha cho các dòng không ghi đơn vị cha / parent for rows without one')
  .option('--dry-run', 'chỉ kiểm tra, không ghi / validate only')
  .option('--skip-errors', 'ghi các dòng hợp lệ, bỏ qua dòng lỗi / keep valid rows, skip bad ones')
  .action(async (file: string, o: { parent?: string; dryRun?: boolean; skipErrors?: boolean }) => {
    const data = fs.readFileSync(file);
    await withDb(async ({ db }) => {
      const parent = o.parent ? await orgByCodeOrId(db, o.parent) : undefined;
      const r = await importOrgs(
        db,
        cliActor(),
        { data, filename: path.basename(file) },
        { dryRun: Boolean(o.dryRun), onError: o.skipErrors ? 'skip' : 'abort', parentId: parent?.id },
        cliAudit(),
      );
      for (const e of r.errors) print(`  dòng/row ${e.row}${e.field ? ` [${e.field}]` : ''}: ${e.message}`);
      print(
        `${r.dryRun ? '(thử / dry run) ' : ''}${r.rows} dòng: tạo mới ${r.created}, cập nhật ${r.updated}, lỗi ${r.errors.length} / rows: ${r.rows}, created ${r.created}, updated ${r.updated}, errors ${r.errors.length}`,
      );
      if (r.errors.length > 0 && !o.skipErrors) process.exitCode = 1;
    });
  });

program
  .command('import <kind> <file>')
  .description('nhập danh mục: assets (CSV, XLSX, osquery, Wazuh), systems, ipspace (CSV, XLSX) / import the inventory (for scheduled imports)')
  .requiredOption('--org <codeOrId>', 'đơn vị nhận dữ liệu / the org the rows belong to')
  .option('--format <format>', 'csv | xlsx | osquery | wazuh (mặc định: đoán từ tệp / default: guessed)')
  .option('--on-error <mode>', 'keep: nhập dòng hợp lệ / import valid rows; refuse: từ chối cả tệp nếu có lỗi / refuse the file', 'refuse')
  .option('--dry-run', 'chỉ kiểm tra, không ghi / validate only')
  .action(async (kind: string, file: string, o: { org: string; format?: string; onError: string; dryRun?: boolean }) => {
    const opts = ImportOptionsSchema.safeParse({
      orgId: '00000000-0000-0000-0000-000000000000',
      kind,
      format: o.format,
      onError: o.onError,
      dryRun: Boolean(o.dryRun),
    });
    if (!opts.success)
      throw new Error(`Tham số không hợp lệ / invalid options: ${opts.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    await withDb(async ({ db }) => {
      const org = await orgByCodeOrId(db, o.org);
      const id = await startImportFromPath(db, cliActor(), { ...opts.data, orgId: org.id }, path.resolve(file), cliAudit());
      let last = 0;
      const started = performance.now();
      const cpu0 = process.cpuUsage();
      await runImportNow(db, id, cliAudit(), (p) => {
        if (Date.now() - last < 2000) return;
        last = Date.now();
        process.stderr.write(`  ${p.phase}: ${(p.bytesDone / 1048576).toFixed(0)} MB, ${p.rowsRead} dòng/rows, ${p.rowsFailed} lỗi/errors\n`);
      });
      const cpu = process.cpuUsage(cpu0);
      process.stderr.write(`  ${((performance.now() - started) / 1000).toFixed(1)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n`);
      const r = await getImport(db, cliActor(), id);
      for (const e of r.errors.slice(0, 200)) print(`  dòng/row ${e.row}${e.field ? ` [${e.field}]` : ''}: ${e.message}`);
      if (r.rowsFailed > 200) print(`  … và ${r.rowsFailed - 200} lỗi khác / more errors`);
      if (r.message) print(r.message);
      print(
        `${r.dryRun ? '(thử / dry run) ' : ''}${r.status}: ${r.rowsRead} dòng, tạo mới ${r.created}, cập nhật ${r.updated}, lỗi ${r.rowsFailed} / rows ${r.rowsRead}, created ${r.created}, updated ${r.updated}, errors ${r.rowsFailed}`,
      );
      if (r.status !== 'done' || (r.rowsFailed > 0 && opts.data.onError === 'refuse')) process.exitCode = 1;
    });
  });

const audit = program.command('audit').description('nhật ký kiểm toán / audit log');
audit
  .command('verify')
  .description(
    'kiểm tra chuỗi băm và điểm kiểm tra (mặc định: điểm mới nhất trong CSDL); mã thoát 1: điểm kiểm tra không khớp, 2: chuỗi bị sửa / ' +
      'verify the hash chain against a checkpoint (default: the newest stored); exit 1: checkpoint fails, 2: chain tampered',
  )
  .option('--checkpoint <file>', 'tệp điểm kiểm tra đã xuất / an exported checkpoint file')
  .option('--key <file>', 'chỉ chấp nhận khoá công khai này (PEM) / accept only this public key (PEM)')
  .action(async (o: { checkpoint?: string; key?: string }) => {
    const config = loadConfig();
    await withDb(async (database) => {
      const keys = auditKeysFromConfig(config, (m) => process.stderr.write(`${m}\n`));
      const r = await auditVerifyReport(database.db, keys, { checkpointPath: o.checkpoint, keyPath: o.key });
      for (const line of r.lines) print(line);
      process.exitCode = r.exitCode;
    });
  });
audit
  .command('checkpoint')
  .description('ký và lưu điểm kiểm tra đầu chuỗi nhật ký / sign and store a checkpoint of the chain head')
  .option('--out <file>', 'ghi tệp điểm kiểm tra để cất ngoài máy chủ / write the checkpoint file, to keep off this machine')
  .action(async (o: { out?: string }) => {
    const config = loadConfig();
    await withDb(async ({ db }) => {
      const keys = auditKeysFromConfig(config, (m) => process.stderr.write(`${m}\n`));
      const row = (await createCheckpoint(db, { signer: keys.signer(), reason: 'on_demand', audit: cliAudit() }))!;
      print(`Đã tạo điểm kiểm tra #${row.id}: đến số thứ tự ${row.headSeq}, ${row.rowCount} bản ghi, khoá ${row.keyId} / checkpoint created`);
      if (o.out) {
        const file = await checkpointFileOf(db, row, keys.publicKey());
        fs.writeFileSync(o.out, `${JSON.stringify(file, null, 2)}\n`);
        print(`Đã ghi / written: ${o.out}`);
      }
    });
  });

registerBackupCommands(program, { print, audit: cliAudit });

program
  .command('demo')
  .description('dữ liệu mẫu / demo data')
  .command('seed')
  .action(async () => {
    const config = loadConfig();
    await withDb(async (database) => {
      if (await usersRepo.findUserByEmail(database.db, 'admin@khien.local')) throw new Error('Dữ liệu mẫu đã có / demo data already present');
      await printSeed(database, config, print);
    });
  });

program
  .command('directive')
  .description('công văn / directives')
  .command('parse <file>')
  .description('phân tích công văn từ .txt, .docx, PDF hoặc ảnh (PNG/JPEG, cần Tesseract) / parse a dispatch from .txt, .docx, PDF or a photo')
  .option('--json', 'in kết quả dạng JSON / print JSON')
  .action(async (file: string, o: { json?: boolean }) => {
    const data = fs.readFileSync(file);
    const doc = documentKind(data)
      ? await readDocument(data, {
          ocr: true,
          onProgress: (done, total) => {
            if (process.stderr.isTTY) process.stderr.write(`\rĐang đọc trang / reading page ${done}/${total}`);
          },
        })
      : null;
    if (doc && process.stderr.isTTY) process.stderr.write('\n');
    if (doc && doc.text.trim() === '') throw notADispatch();
    const parsed = parseDispatchText(doc ? doc.text : await extractDispatchText(data, path.basename(file)));
    const out = dispatchJson(parsed);
    if (o.json) {
      print(JSON.stringify(out, null, 2));
      return;
    }
    print(`Số: ${out.number ?? '—'}    ${out.place ?? ''}${out.date ? `, ${out.date}` : ''}`);
    print(`V/v: ${out.subject ?? '—'}`);
    print(`Kính gửi: ${out.recipients.join('; ') || '—'}`);
    for (const [i, s] of out.sections.entries()) {
      print(`${i + 1}. ${s.heading}${s.addressees ? `  [${s.addressees}]` : ''}`);
      for (const t of s.tasks) print(`   - ${t}`);
    }
    for (const c of out.contacts) print(`Liên hệ: ${c.name} ${c.phone}`);
    print(`Ký: ${[out.signer.authority, out.signer.title, out.signer.name].filter(Boolean).join(' / ') || '—'}`);
    print(`Nơi nhận: ${out.copiesTo.join('; ') || '—'}`);
    for (const p of doc?.pages ?? []) {
      const how =
        p.source === 'ocr' ? `OCR, độ tin cậy / confidence ${p.confidence ?? '—'}%` : p.source === 'text' ? 'lớp chữ / text layer' : 'chưa đọc / not read';
      print(`Trang / page ${p.page}: ${how}${p.marks.stamp.length ? ', có con dấu / stamp' : ''}`);
    }
    for (const w of [...(doc?.warnings ?? []), ...parsed.warnings]) print(`! ${w}`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`Lỗi / error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
