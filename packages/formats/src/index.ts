export { foldVietnamese } from './text/vietnamese.js';
export * from './dispatch/index.js';
export * from './regulations/index.js';
export * from './ip/index.js';
export * from './cpe/index.js';
export * from './inventory/index.js';
export * from './work/index.js';
export * from './alerts/index.js';
export * from './duty/index.js';
