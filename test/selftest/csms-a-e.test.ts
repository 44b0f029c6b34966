// Self-test of the CSMS cases of blocks A to E.
import { describeSelfTest } from './selftest';

describeSelfTest('CSMS', /^[A-E]$/);
