// Self-test of the CSMS cases of blocks F to P.
import { describeSelfTest } from './selftest';

describeSelfTest('CSMS', /^[F-P]$/);
