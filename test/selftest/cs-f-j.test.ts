// Self-test of the CS cases of blocks F to J (the split lives in SELF_TEST_FILES of ./selftest).
import { describeSelfTest } from './selftest';

describeSelfTest('cs-f-j');
