// Self-test of the CSMS cases of blocks A to C (the split lives in SELF_TEST_FILES of ./selftest).
import { describeSelfTest } from './selftest';

describeSelfTest('csms-a-c');
