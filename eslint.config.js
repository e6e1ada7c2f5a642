import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const serverModules = ['auth', 'orgs', 'users', 'tokens', 'audit', 'directives', 'notifications'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '.tmp/**', 'apps/server/db/migrations/**', 'e2e/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-cycle': 'error',
      // a module's index.ts is its public face: other modules import nothing else of it
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: serverModules.map((m) => ({
            target: `./apps/server/src/modules/!(${m})/**/*`,
            from: `./apps/server/src/modules/${m}`,
            // tables reference each other's keys; drizzle-kit must load them without the modules' code
            except: ['./index.ts', `./${m}.tables.ts`],
            message: `Import the ${m} module only through its index.ts`,
          })),
        },
      ],
    },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['apps/*/tsconfig.json', 'packages/*/tsconfig.json'] })] },
  },
  {
    files: ['packages/formats/**/*.ts'],
    rules: {
      // formats is pure: no I/O, so it stays fuzzable and usable in the browser
      'no-restricted-imports': ['error', { patterns: ['node:fs', 'node:net', 'node:http', 'fs', 'pg', '@electric-sql/*'] }],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
