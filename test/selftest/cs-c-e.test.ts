// Self-test of the CS cases of blocks C to E.
import { describeSelfTest } from './selftest';

describeSelfTest('CS', /^[C-E]$/);
