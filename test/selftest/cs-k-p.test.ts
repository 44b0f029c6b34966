// Self-test of the CS cases of blocks K to P (the split lives in SELF_TEST_FILES of ./selftest).
import { describeSelfTest } from './selftest';

describeSelfTest('cs-k-p');
