/** The reusable states of the CSMS cases (Part 6 section 3.18), one module per group, all exported here. */
export * from './booted';
