// Self-test of the CS cases of blocks A and B (split from C to E so jest workers share the longest part of the self-test).
import { describeSelfTest } from './selftest';

describeSelfTest('CS', /^[AB]$/);
