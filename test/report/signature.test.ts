// A signed certification report: the detached signature over the evidence manifest verifies (ours and openssl's), and fails once one evidence file changes.
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays, issueCertificate } from '../../src/pki/certificates';
import { combineReporters, createReporters } from '../../src/report';
import { SIGNATURE_FILES, verifyRun } from '../../src/report/signature';
import { openssl, Scratch } from '../pki/openssl';
import { tempOutDir, sampleRun } from './fixture';
import { checkPics } from '../../src/profiles/pics';
import { profilesNamed } from '../../src/profiles/profiles';
import { examplePicsJson } from '../profiles/helpers';
import type { CertificationReport } from '../../src/report/certification';
import { main } from '../../src/cli/index';

jest.setTimeout(30_000);

describe.each(['ec', 'rsa'] as const)('a certification report signed with a %s key from the PKI module', (algorithm) => {
  let outDir: string;
  const scratch = new Scratch();

  beforeAll(async () => {
    outDir = await tempOutDir();
    const now = new Date();
    const root = await issueCertificate({ name: 'lab-root', subject: { commonName: 'Test Lab Root', organization: 'Test Lab' }, profile: 'rootCa', algorithm, notBefore: now, notAfter: addDays(now, 30) });
    const signer = await issueCertificate({ name: 'lab-signer', subject: { commonName: 'Test Lab report signer', organization: 'Test Lab' }, profile: 'signing', issuer: root, algorithm, notBefore: now, notAfter: addDays(now, 30) });
    const pics = checkPics(examplePicsJson(), 'pics.json');
    const certification = { pics, picsFile: 'pics.json', profiles: profilesNamed('core'), selection: [], lab: { name: 'Test Lab', operator: 'A. Tester' }, signing: { privateKeyPem: signer.privateKeyPem, certificatePem: signer.certificatePem } };
    await mkdir(join(outDir, 'uploads', 'TC_N_25_CS'), { recursive: true });
    await writeFile(join(outDir, 'uploads', 'TC_N_25_CS', 'station.log'), 'a diagnostics log the station uploaded\n');
    const set = combineReporters(createReporters({ outDir, html: false, console: false, certification }));
    await set.onRunEnd(sampleRun(outDir));
    expect(set.errors).toEqual([]);
  });

  afterAll(async () => {
    scratch.cleanup();
    await rm(outDir, { recursive: true, force: true });
  });

  test('names the lab and the operator', async () => {
    const report = JSON.parse(await readFile(join(outDir, 'certification-report.json'), 'utf8')) as CertificationReport;
    expect(report.lab).toEqual({ name: 'Test Lab', operator: 'A. Tester' });
    expect(await readFile(join(outDir, 'certification-report.html'), 'utf8')).toContain('A. Tester');
  });

  test('verifies: every file matches and the signature holds', async () => {
    const verification = await verifyRun(outDir);
    expect(verification).toMatchObject({ ok: true, signed: true });
    expect(verification.lines.join('\n')).toContain('signature holds: signed by');
  });

  test('`ocpp-ct verify` says so and exits 0', async () => {
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      process.exitCode = undefined;
      await main(['verify', outDir]);
      expect(process.exitCode).toBe(0);
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toContain(`verified: ${outDir}`);
    } finally {
      out.mockRestore();
      process.exitCode = undefined;
    }
  });

  test('openssl verifies the same signature with the signer certificate', async () => {
    const publicKey = openssl('x509', '-in', join(outDir, SIGNATURE_FILES.signer), '-pubkey', '-noout');
    expect(publicKey.ok).toBe(true);
    const result = openssl('dgst', '-sha256', '-verify', scratch.file('signer.pub.pem', publicKey.output), '-signature', join(outDir, SIGNATURE_FILES.signature), join(outDir, SIGNATURE_FILES.manifest));
    expect(result.output).toContain('Verified OK');
  });

  test('uploaded logs are evidence too: hashed in the manifest', async () => {
    expect(await readFile(join(outDir, SIGNATURE_FILES.manifest), 'utf8')).toMatch(/^[0-9a-f]{64} {2}uploads\/TC_N_25_CS\/station\.log$/m);
  });

  test('fails verification once one evidence file is changed, naming it', async () => {
    await appendFile(join(outDir, 'junit.xml'), '<!-- edited -->');
    const verification = await verifyRun(outDir);
    expect(verification.ok).toBe(false);
    expect(verification.lines.join('\n')).toMatch(/CHANGED {2}junit\.xml/);
  });

  test('fails verification when the manifest itself is edited to match, because the signature no longer holds', async () => {
    const manifestPath = join(outDir, SIGNATURE_FILES.manifest);
    const { createHash } = await import('node:crypto');
    const junit = await readFile(join(outDir, 'junit.xml'));
    const manifest = (await readFile(manifestPath, 'utf8')).replace(/^[0-9a-f]{64}( {2}junit\.xml)$/m, `${createHash('sha256').update(junit).digest('hex')}$1`);
    await writeFile(manifestPath, manifest);
    const verification = await verifyRun(outDir);
    expect(verification.ok).toBe(false);
    expect(verification.lines.join('\n')).toContain('SIGNATURE DOES NOT HOLD');
  });
});
