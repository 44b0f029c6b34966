// Self-test of the CSMS cases of blocks D to P (the split lives in SELF_TEST_FILES of ./selftest).
import { describeSelfTest } from './selftest';

describeSelfTest('csms-d-p');
