// Self-test of the CS cases of blocks A and B (the split lives in SELF_TEST_FILES of ./selftest).
import { describeSelfTest } from './selftest';

describeSelfTest('cs-a-b');
