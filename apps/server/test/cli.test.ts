// `khien` as a person runs it: a process, its output and its exit code.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BIN = path.join(ROOT, 'apps/server/bin/khien.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'khien-cli-'));
const dataDir = path.join(tmp, 'data');
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
/** `khien …` on the embedded engine in a folder of its own; `locale` is the machine's LANG. */
async function khien(args: string[], locale = 'C.UTF-8'): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, KHIEN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', LANG: locale, LC_ALL: '', LC_MESSAGES: '' };
  delete env.DATABASE_URL;
  return promisify(execFile)(process.execPath, [BIN, ...args], { cwd: ROOT, env, timeout: 120_000 }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({ code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }),
  );
}

/** A "vi / en" line: a Vietnamese half, a slash between spaces, an English half. */
const BOTH_HALVES = /[À-ỹ][^\n]* \/ [a-zA-Z]/;

describe('khien speaks Vietnamese, or English when asked', () => {
  it('speaks Vietnamese by default, help texts included, with no English halves', async () => {
    const r = await khien(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Cách dùng: khien [tuỳ chọn] [lệnh]');
    expect(r.stdout).toContain('chạy máy chủ web và API');
    expect(r.stdout).toContain('sao lưu cơ sở dữ liệu và kho tệp');
    expect(r.stdout).not.toMatch(BOTH_HALVES);
    expect(r.stdout).not.toContain('run the web server');
    const sub = await khien(['org', 'import', '--help']);
    expect(sub.stdout).toContain('--yes');
    expect(sub.stdout).toContain('chỉ kiểm tra, không ghi');
  });

  it('speaks English with --lang en, or when LANG starts with "en"', async () => {
    for (const r of [await khien(['--lang', 'en', '--help']), await khien(['--help'], 'en_GB.UTF-8')]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: khien [options] [command]');
      expect(r.stdout).toContain('run the web server and API');
      expect(r.stdout).not.toMatch(/[À-ỹ]{2}/);
    }
    // --lang wins over the locale
    expect((await khien(['--lang', 'vi', '--help'], 'en_US.UTF-8')).stdout).toContain('Cách dùng');
  });

  it('names the field and what is wrong with it, not raw JSON; one line; exit code 1', async () => {
    const r = await khien(['user', 'create', '--email', 'khong-phai-email', '--name', 'Lò Văn A', '--org', '11']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Lỗi: Trường email: không phải địa chỉ e-mail hợp lệ\n');
    const en = await khien(['--lang', 'en', 'import', 'tai-san', 'x.csv', '--org', '11', '--on-error', 'giu']);
    expect(en.code).toBe(1);
    expect(en.stderr.trim()).toBe('Error: Field kind: must be one of: assets, systems, ipspace; Field on-error: must be one of: keep, refuse');
    expect(en.stderr).not.toMatch(/[{}[\]]/);
    // commander's own complaints too
    const missing = await khien(['user', 'create', '--email', 'a@b.vn']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Lỗi: thiếu tuỳ chọn bắt buộc '--name <fullName>'");
  });

  it('says an unexpected failure in one line, exit code 1', async () => {
    const r = await khien(['org', 'import', path.join(tmp, 'khong-co.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`Lỗi: Không có tệp ${path.join(tmp, 'khong-co.csv')}\n`);
  });
});

describe('khien org import asks before adding provinces under a province', () => {
  beforeAll(async () => {
    const seeded = await khien(['demo', 'seed']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stdout).toContain('admin@khien.local');
  }, 180_000);

  const file = path.join(tmp, 'tinh.csv');
  fs.writeFileSync(file, ['ten,loai,ma_hanh_chinh', 'Thành phố Hà Nội,Tỉnh,01', 'Tỉnh Cao Bằng,Tỉnh,04', 'Phường Ba Đình,Phường,00004'].join('\r\n'));

  it('refuses without --yes, saying what it would add; --yes imports', async () => {
    const r = await khien(['org', 'import', file, '--parent', '11']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('Tệp này sẽ thêm vào Tỉnh Điện Biên:');
    expect(r.stdout).toMatch(/2 tỉnh\/thành phố dưới tỉnh\/thành phố: Thành phố Hà Nội, Tỉnh Cao Bằng/);
    expect(r.stdout).toMatch(/1 phường dưới tỉnh\/thành phố: Phường Ba Đình/);
    expect(r.stdout).toContain('Chưa nhập gì: có đơn vị cấp tỉnh nằm dưới một đơn vị khác');
    expect(r.stdout).toContain('--yes');
    // nothing was written: the same answer again
    expect((await khien(['org', 'import', file, '--parent', '11'])).code).toBe(1);

    const en = await khien(['--lang', 'en', 'org', 'import', file, '--parent', '11']);
    expect(en.stdout).toMatch(/2 × province\/city under a province\/city: Thành phố Hà Nội, Tỉnh Cao Bằng/);

    const yes = await khien(['org', 'import', file, '--parent', '11', '--yes']);
    expect(yes.code, yes.stderr).toBe(0);
    expect(yes.stdout).toContain('3 dòng: tạo mới 3, cập nhật 0, lỗi 0');
  }, 120_000);

  it('imports rows under their own level without asking, and says the row errors in its language', async () => {
    const csv = path.join(tmp, 'truong.csv');
    fs.writeFileSync(csv, ['ten,loai,lien_he_ten,lien_he_email', 'Trường Tiểu học Him Lam,Trường học,,', 'Trường Mầm non,Lâu đài,Cô Hoa,x@'].join('\n'));
    const vi = await khien(['org', 'import', csv, '--parent', '11', '--dry-run']);
    expect(vi.stdout).toContain('dòng 3 [kind]: Loại đơn vị "Lâu đài" không hợp lệ');
    expect(vi.stdout).toContain('dòng 3 [contact_email]: Email "x@" không hợp lệ');
    const en = await khien(['--lang', 'en', 'org', 'import', csv, '--parent', '11', '--dry-run']);
    expect(en.stdout).toContain('row 3 [contact_email]: E-mail "x@" is not a valid address');
    expect(en.stdout).not.toMatch(/không hợp lệ/);
  }, 60_000);

  it('khien import prints the inventory row errors and the outcome in its language, and status= for scripts', async () => {
    const csv = path.join(tmp, 'tai-san.csv');
    fs.writeFileSync(csv, ['Tên thiết bị,Loại,Ngày vá gần nhất', 'Máy trạm 1,máy trạm,01/02/2026', 'Máy trạm 2,máy bay,31/02/2026'].join('\r\n'));
    const vi = await khien(['import', 'assets', csv, '--org', '11']);
    expect(vi.code).toBe(1);
    expect(vi.stdout).toContain('dòng 3 [Loại]: "máy bay" không phải giá trị hợp lệ');
    expect(vi.stdout).toContain('dòng 3 [Ngày vá gần nhất]: Ngày "31/02/2026" không tồn tại');
    expect(vi.stdout).toMatch(/Bị từ chối: 2 dòng, tạo mới 0, cập nhật 0, 1 lỗi · status=refused/);
    expect(vi.stdout).not.toMatch(BOTH_HALVES);
    const en = await khien(['--lang', 'en', 'import', 'assets', csv, '--org', '11']);
    expect(en.stdout).toContain('row 3 [Ngày vá gần nhất]: There is no such date as "31/02/2026"');
    expect(en.stdout).toContain('The file is refused: one row has errors, none was imported');
  }, 60_000);
});
