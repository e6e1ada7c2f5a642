import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The boundaries really fail: small files linted at virtual paths with the repository's own
// config (eslint.config.js + eslint.boundaries.js). The imported files are real, because the
// rule only judges imports it can resolve. The probe files do not exist, so the type-aware
// rules (which need them in a tsconfig project) are switched off; the boundary rule needs no types.
const ROOT = path.resolve(import.meta.dirname, '..');
const RULE = 'import-x/no-restricted-paths';
const MODULES = path.join(ROOT, 'apps/server/src/modules');
const FEATURES = path.join(ROOT, 'apps/web/src/features');
const folders = (dir: string) =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

type Zone = { target: string | string[]; from: string | string[]; except?: string[] };
type BoundaryZones = (root: string, lists?: { serverModules?: string[]; webFeatures?: string[] }) => { server: Zone[]; web: Zone[] };

const untyped = tseslint.configs.disableTypeChecked as Linter.Config;
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfig: [untyped] });
});

async function boundaryErrors(filePath: string, code: string, linter = eslint): Promise<string[]> {
  const [r] = await linter.lintText(code, { filePath: path.join(ROOT, filePath) });
  // a file the parser refused would pass every rule: that must not count as "allowed"
  expect(r!.messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
  return r!.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const fails = async (filePath: string, code: string, linter?: ESLint) => expect(await boundaryErrors(filePath, code, linter)).toHaveLength(1);
const passes = async (filePath: string, code: string) => expect(await boundaryErrors(filePath, code)).toEqual([]);

describe('server: module → module only through index.ts', () => {
  it('refuses a deep import into another module, and allows its index.ts', async () => {
    await fails('apps/server/src/modules/orgs/probe.ts', `export { rollupRows } from '../directives/rollup.service.js';`);
    await passes('apps/server/src/modules/orgs/probe.ts', `export { registerDirectives } from '../directives/index.js';`);
    // inside the module itself anything goes
    await passes('apps/server/src/modules/directives/probe.ts', `export { rollupRows } from './rollup.service.js';`);
  });

  it('covers inventory both ways (it used to be outside the rule)', async () => {
    await fails('apps/server/src/modules/inventory/probe.ts', `export { createOrg } from '../orgs/orgs.service.js';`);
    await fails('apps/server/src/modules/directives/probe.ts', `export { createSystem } from '../inventory/systems.service.js';`);
    await passes('apps/server/src/modules/directives/probe.ts', `export { registerInventory } from '../inventory/index.js';`);
  });

  it('holds for the composition root too (app.ts, server.ts, cli.ts, demo/)', async () => {
    await fails('apps/server/src/probe.ts', `export { findOrgById } from './modules/orgs/orgs.repo.js';`);
    await fails('apps/server/src/demo/probe.ts', `export { findOrgById } from '../modules/orgs/orgs.repo.js';`);
    await passes('apps/server/src/probe.ts', `export { getOrgRef } from './modules/orgs/index.js';`);
  });

  it('lets db-schema.ts gather tables files and nothing else', async () => {
    await passes('apps/server/src/db-schema.ts', `export { orgs } from './modules/orgs/orgs.tables.js';`);
    await fails('apps/server/src/db-schema.ts', `export { orgs } from './modules/orgs/index.js';`);
  });

  it("lets a tables file import another module's tables (foreign keys), and no other file of it", async () => {
    await passes('apps/server/src/modules/tokens/probe.tables.ts', `export { orgs } from '../orgs/orgs.tables.js';`);
    await fails('apps/server/src/modules/tokens/probe.tables.ts', `export { findOrgById } from '../orgs/orgs.repo.js';`);
    await fails('apps/server/src/modules/tokens/probe.tables.ts', `export { orgs } from '../orgs/index.js';`);
    // …and only a tables file may: elsewhere a tables file is a deep import like any other
    await fails('apps/server/src/modules/tokens/probe.ts', `export { orgs } from '../orgs/orgs.tables.js';`);
  });

  it('refuses a module importing the composition root', async () => {
    await fails('apps/server/src/modules/orgs/probe.ts', `export { buildApp } from '../../app.js';`);
  });
});

describe('server: the platform never imports a module', () => {
  it('refuses a module, even through its index.ts, and the schema that gathers their tables', async () => {
    await fails('apps/server/src/platform/db/probe.ts', `export { registerOrgs } from '../../modules/orgs/index.js';`);
    await fails('apps/server/src/platform/db/probe.ts', `export { users } from '../../modules/users/users.tables.js';`);
    await fails('apps/server/src/platform/db/probe.ts', `export * from '../../db-schema.js';`);
    await fails('apps/server/src/platform/probe.ts', `export { buildApp } from '../app.js';`);
    await passes('apps/server/src/platform/db/probe.ts', `export { AppError } from '../errors.js';`);
  });
});

describe('tests are exempt on purpose', () => {
  it('lets a test file reach into a module', async () => {
    await passes('apps/server/src/modules/orgs/probe.test.ts', `export { rollupRows } from '../directives/rollup.service.js';`);
    await passes('apps/server/test/probe.test.ts', `export { rollupRows } from '../src/modules/directives/rollup.service.js';`);
  });
});

describe('web', () => {
  it('imports another feature only through its index.ts', async () => {
    await fails('apps/web/src/features/users/probe.tsx', `export { OrgTree } from '../orgs/org-tree';`);
    await passes('apps/web/src/features/users/probe.tsx', `export { OrgPicker } from '../orgs';`);
    await passes('apps/web/src/features/users/probe.tsx', `export { OrgPicker } from '../orgs/index';`);
  });

  it('never imports the server', async () => {
    await fails('apps/web/src/features/users/probe.ts', `export type { Db } from '../../../../server/src/platform/db/client';`);
    await fails('apps/web/src/lib/probe.ts', `export { ROLE_RANK } from '../../../server/src/platform/policy';`);
  });

  it('keeps features off the app shell, and shared code off both', async () => {
    await fails('apps/web/src/features/users/probe.tsx', `export { RequireSignIn } from '../../app/guards';`);
    await fails('apps/web/src/components/probe.tsx', `export { OrgPicker } from '../features/orgs';`);
    await fails('apps/web/src/lib/probe.ts', `export { App } from '../app/app';`);
    await passes('apps/web/src/features/users/probe.tsx', `export { useAuth } from '../../lib/auth-context';`);
    await passes('apps/web/src/app/probe.tsx', `export { OrgPicker } from '../features/orgs';`);
  });
});

describe('the zones are generated from the folders', () => {
  it('covers every folder of modules/ and features/', async () => {
    for (const [dir, ext] of [
      [MODULES, 'ts'],
      [FEATURES, 'tsx'],
    ] as const) {
      for (const name of folders(dir)) {
        const config = (await eslint.calculateConfigForFile(path.join(dir, name, `probe.${ext}`))) as { rules: Record<string, [unknown, { zones: Zone[] }]> };
        const targets = config.rules[RULE]![1].zones.flatMap((z) => [z.target].flat());
        expect(targets, `${name} has its zone`).toContain(path.join(dir, name));
      }
    }
  });

  it('covers a module the day it is created', async () => {
    const { boundaryZones } = (await import(pathToFileURL(path.join(ROOT, 'eslint.boundaries.js')).href)) as { boundaryZones: BoundaryZones };
    const zones = boundaryZones(ROOT, { serverModules: [...folders(MODULES), 'zz-new'] });
    const linter = new ESLint({
      cwd: ROOT,
      overrideConfig: [untyped, { files: ['apps/server/src/**/*.ts'], rules: { [RULE]: ['error', { zones: zones.server }] } }],
    });
    await fails('apps/server/src/modules/zz-new/probe.ts', `export { rollupRows } from '../directives/rollup.service.js';`, linter);
  });
});
