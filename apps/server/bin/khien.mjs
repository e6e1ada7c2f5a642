#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so the repo needs no separate server build step.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli.ts');
