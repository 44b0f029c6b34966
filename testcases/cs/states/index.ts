/** The reusable states of the Charging Station cases (Part 6 section 2.18), one module per group, all exported here. */
export * from './booted';
