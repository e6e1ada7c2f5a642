export * from './state-machine.js';
export * from './escalation.js';
