import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../demo/demo-data.js';
import { CLI_MESSAGES } from './messages.js';
import { startupLines } from './startup-block.js';

const seeded = {
  orgs: 65,
  users: DEMO_USERS.map((u) => ({
    email: u.email,
    fullName: u.fullName,
    role: u.role,
    orgName: 'x',
    mfa: ['system_admin', 'province_coordinator', 'commune_coordinator'].includes(u.role),
  })),
  adminEmail: 'admin@khien.local',
  adminPassword: 'mat-khau-quan-tri',
  demoPassword: 'mat-khau-chung',
};
const facts = {
  address: 'http://127.0.0.1:3000',
  engine: 'pglite' as const,
  dataDir: '/srv/khien/data',
  seeded,
  adminPasswordFromEnv: false,
  logRequests: false,
};

describe('the start-up block', () => {
  it('names the demo users by role in words, with e-mail and password, and says who enrols a TOTP', () => {
    const text = startupLines(CLI_MESSAGES.vi, facts).join('\n');
    expect(text).toMatch(/Quản trị hệ thống \*\s+admin@khien\.local\s+mat-khau-quan-tri/);
    expect(text).toMatch(/Cán bộ trực\s+truc\.soc@khien\.local\s+mật khẩu chung/);
    expect(text).toContain('Mật khẩu chung của người dùng mẫu: mat-khau-chung');
    expect(text).toContain('xác thực hai lớp (TOTP');
    expect(text).toContain('KHIEN_LOG_REQUESTS=1');
    // the address comes last: who waits for it has the whole block
    const lines = startupLines(CLI_MESSAGES.vi, facts).filter(Boolean);
    expect(lines.at(-1)).toBe('Khiên đang chạy tại http://127.0.0.1:3000  (cơ sở dữ liệu nhúng: /srv/khien/data)');
  });

  it('in English, and without the admin password when it came from KHIEN_ADMIN_PASSWORD', () => {
    const text = startupLines(CLI_MESSAGES.en, { ...facts, adminPasswordFromEnv: true }).join('\n');
    expect(text).toMatch(/System administrator \*\s+admin@khien\.local\s+\(KHIEN_ADMIN_PASSWORD\)/);
    expect(text).not.toContain('mat-khau-quan-tri');
    expect(text).toContain("The demo users' shared password: mat-khau-chung");
    expect(text).toContain('Khiên is running at http://127.0.0.1:3000');
  });

  it('is one line on a later start', () => {
    expect(startupLines(CLI_MESSAGES.vi, { ...facts, seeded: null, logRequests: true }).filter(Boolean)).toEqual([
      'Khiên đang chạy tại http://127.0.0.1:3000  (cơ sở dữ liệu nhúng: /srv/khien/data)',
    ]);
  });
});
