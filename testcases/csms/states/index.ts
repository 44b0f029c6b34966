/** The reusable states of the CSMS cases (Part 6 section 3.18), one module per group, all exported here. */
export * from './booted';
export * from './transaction';
export * from './meter-values';
export * from './operator';
export * from './transaction-options';
export * from './offline';
export * from './authorization';
export * from './metering';
export * from './local-list';
export * from './iso15118';
export * from './security';
export * from './provisioning';
export * from './firmware';
export * from './remote-control';
export * from './certificates';
export * from './reservation';
export * from './smart-charging';
