// The standalone reference CSMS prints each TLS refusal with its reason, so whoever points a station at it sees why it cannot connect.
import { connect } from 'node:tls';
import { freePort, startCli, stopAll } from './cli-process';

afterEach(stopAll);

test('a TLS 1.1 handshake with the reference CSMS on security profile 2 is printed as refused, with the reason', async () => {
  const port = await freePort();
  const cli = startCli('reference', 'csms', '--port', String(port), '--security-profile', '2');
  await cli.waitForOutput(/reference CSMS listening at wss:/, 60_000);
  const failed = await new Promise<string>((resolve) => {
    const socket = connect({ port, host: '127.0.0.1', maxVersion: 'TLSv1.1', minVersion: 'TLSv1', rejectUnauthorized: false, ciphers: 'DEFAULT@SECLEVEL=0' });
    socket.on('secureConnect', () => resolve('connected'));
    socket.on('error', (error: Error & { code?: string }) => resolve(error.code ?? error.message));
  });
  expect(failed).toMatch(/PROTOCOL_VERSION/);
  const [line] = await cli.waitForOutput(/^\[csms\] TLS refused from 127\.0\.0\.1:\d+: protocol version: .*$/m, 10_000, 'stderr');
  expect(line).toContain('unsupported protocol');
}, 90_000);
