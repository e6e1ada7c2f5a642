export * from './deadlines.js';
export * from './fields.js';
export * from './indicators.js';
export * from './stix.js';
