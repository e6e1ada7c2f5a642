export { foldVietnamese } from './text/vietnamese.js';
export * from './dispatch/index.js';
