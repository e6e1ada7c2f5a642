import path from 'node:path';
import { benchInventory } from './inventory-bench.js';
import { ROOT } from './process.js';
const rows = await benchInventory(process.env.DATABASE_URL, path.join(ROOT, '.tmp', `inv-${Date.now()}`));
for (const r of rows) console.log(`| ${r.target} | ${r.workload} | ${r.measured} | ${r.goal} | ${r.ok ? 'yes' : 'NO'} |`);
