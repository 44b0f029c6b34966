// Self-test of the CS cases of blocks F to P.
import { describeSelfTest } from './selftest';

describeSelfTest('CS', /^[F-P]$/);
