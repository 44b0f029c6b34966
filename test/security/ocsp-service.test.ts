// The harness's OCSP service of the C07 CSMS cases answers any RFC 6960 client: OpenSSL's, whose CertIDs use SHA-1 unless told otherwise.
import { execFile } from 'node:child_process';
import { REFERENCE_PRESET, resolveConfig } from '../../src/engine/config';
import type { CsmsCaseContext } from '../../src/engine/testcase';
import { certificateToPem } from '../../src/pki/certificates';
import { contractChain, OcspService } from '../../testcases/csms/states/iso15118';
import { Scratch } from '../pki/openssl';

const scratch = new Scratch();
afterAll(() => scratch.cleanup());
const ctx = { config: resolveConfig(REFERENCE_PRESET) } as CsmsCaseContext;

/** Runs `openssl …args` without blocking the event loop (the service under test answers from this process). */
const opensslAsync = (...args: string[]): Promise<string> =>
  new Promise((resolve) => execFile('openssl', args, { timeout: 10_000 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`)));

test.each([['SHA-1 (OpenSSL default)', []], ['SHA-256', ['-sha256']]])('a CertID in %s is recognised and answered', async (_name, hashOption) => {
  const ocsp = await OcspService.start(ctx);
  try {
    const chain = await contractChain(ctx, 'NLOCTC000000042', ocsp.url);
    ocsp.serve(chain, { status: 'revoked', revokedAt: new Date('2026-01-02T03:04:05Z') });
    const [contract, subCa2, subCa1] = chain.links.map((link) => certificateToPem(link.certificate));
    const output = await opensslAsync(
      'ocsp', ...hashOption,
      '-issuer', scratch.file('sub2.pem', subCa2),
      '-cert', scratch.file('contract.pem', contract),
      '-url', ocsp.url,
      '-CAfile', scratch.file('root.pem', certificateToPem(chain.root.certificate)),
      '-verify_other', scratch.file('sub1.pem', subCa1),
    );
    expect(output).toMatch(/Response verify OK/);
    expect(output).toMatch(/contract\.pem: revoked/);
    expect(ocsp.hasAsked(chain.links[0])).toBe(true);
    expect(ocsp.hasAsked(chain.links[1])).toBe(false);
  } finally {
    await ocsp.close();
  }
});
