export * from './message.js';
export * from './registry.js';
export * from './ports.js';
export * from './jetstream/index.js';
