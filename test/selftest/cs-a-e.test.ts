// Self-test of the CS cases of blocks A to E.
import { describeSelfTest } from './selftest';

describeSelfTest('CS', /^[A-E]$/);
