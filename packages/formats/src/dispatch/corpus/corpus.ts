import { CONG_VAN_CORPUS } from './expected-cong-van.js';
import { TITLED_CORPUS } from './expected-titled.js';
import type { ExpectedDispatch } from './fields.js';

export { DISPATCH_FIELDS, type DispatchField, type ExpectedDispatch } from './fields.js';
export { resolveSeedExpectation, SEED_EXPECTATIONS, type SeedExpectation, type SeedName } from './expected-seeds.js';

/** Every corpus text with its hand-written expectations, in file order. */
export const CORPUS: ExpectedDispatch[] = [...CONG_VAN_CORPUS, ...TITLED_CORPUS].sort((a, b) => a.file.localeCompare(b.file));
