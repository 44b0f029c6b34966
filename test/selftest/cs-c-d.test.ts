// Self-test of the CS cases of blocks C and D (the split lives in SELF_TEST_FILES of ./selftest).
import { describeSelfTest } from './selftest';

describeSelfTest('cs-c-d');
