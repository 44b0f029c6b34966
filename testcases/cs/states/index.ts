/** The reusable states of the Charging Station cases (Part 6 section 2.18), one module per group, all exported here. */
export * from './booted';
export * from './monitor';
export * from './session';
export * from './transaction';
export * from './authorization';
export * from './configuration';
export * from './local-list';
export * from './cache';
export * from './security';
export * from './offline';
export * from './list-authorization';
export * from './retry';
export * from './meter-values';
export * from './master-pass';
export * from './iso15118';
