import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { boundaryZones } from './eslint.boundaries.js';

// read from the folders at every lint run, so a module or feature is covered the day it is created
const boundaries = boundaryZones(import.meta.dirname);
// tests and bench may reach into a module's inner files (they test those); they are outside the
// boundary rules on purpose, not by accident: apps/server/test, bench/ and e2e/ are no zone's
// target, and test files inside src are ignored here
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/test-support.ts'];

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
  // the boundaries (docs/ARCHITECTURE.md "Boundaries"): one block per set of files, each with its own zones
  {
    files: ['apps/server/src/**/*.ts'],
    ignores: [...TESTS, 'apps/server/src/modules/*/*.tables.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaries.server }] },
  },
  { files: ['apps/server/src/modules/*/*.tables.ts'], rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaries.tables }] } },
  { files: ['apps/web/**/*.{ts,tsx}'], ignores: TESTS, rules: { 'import-x/no-restricted-paths': ['error', { zones: boundaries.web }] } },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
