// `ocpp-ct certs init` and `certs show` as a user runs them: every file written, private keys mode 0600, a folder that reads back as the same PKI.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DirectoryPki, catalogueEntries, listCertificates, pkiFiles } from '../../src/pki';
import { freshOutDir, removeOutDirs, runCli, stopAll } from '../cli/cli-process';
import { openssl } from './openssl';

/** `certs init` generates RSA keys: a few seconds on a slow machine. */
const INIT_MS = 60_000;

afterEach(() => stopAll());
afterAll(() => removeOutDirs());

describe('ocpp-ct certs', () => {
  let dir: string;

  beforeAll(async () => {
    dir = join(freshOutDir(), 'certs');
    const init = await runCli(['certs', 'init', '--dir', dir, '--station-id', 'CS-STORE-01', '--organization', 'Store CSO', '--host', 'csms.store.test'], INIT_MS);
    expect(init.code).toBe(0);
    expect(init.stdout).toMatch(/private key\(s\) \(mode 0600\)/);
  }, INIT_MS);

  test('init writes every catalogue certificate with its key, mode 0600', () => {
    for (const [name, algorithm] of catalogueEntries()) {
      const files = pkiFiles(dir, name, algorithm);
      expect(statSync(files.certificate).isFile()).toBe(true);
      expect(statSync(files.privateKey).mode & 0o777).toBe(0o600);
    }
    expect(statSync(pkiFiles(dir, 'secc', 'ec').chain).isFile()).toBe(true);
  });

  test('each private key belongs to its certificate', () => {
    for (const algorithm of ['rsa', 'ec'] as const) {
      const files = pkiFiles(dir, 'station', algorithm);
      const fromCertificate = openssl('x509', '-in', files.certificate, '-noout', '-pubkey').output;
      const fromKey = openssl('pkey', '-in', files.privateKey, '-pubout').output;
      expect(fromKey).toBe(fromCertificate);
    }
  });

  test('the folder reads back as the same PKI, with the issuer path rebuilt', async () => {
    const read = new DirectoryPki(dir, { stationId: 'CS-STORE-01', organization: 'Store CSO' });
    const secc = await read.get('secc', 'ec');
    expect(secc.certificatePem).toBe(await readFile(pkiFiles(dir, 'secc', 'ec').certificate, 'utf8'));
    expect(secc.intermediates).toHaveLength(2);
    expect(secc.root.subjectName.getField('CN')[0]).toBe('OCPP-CT V2G Root CA');
    expect((await read.get('station', 'rsa')).certificate.subjectName.getField('CN')).toEqual(['CS-STORE-01']);
  });

  test('show lists each certificate with its expiry, and flags the bad ones', async () => {
    const show = await runCli(['certs', 'show', '--dir', dir], INIT_MS);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/ec\/station\.pem\n {4}O=Store CSO, CN=CS-STORE-01\n {4}issuer O=Store CSO, CN=OCPP-CT CSMS Root CA; EC prime256v1; expires \d{4}-\d\d-\d\d \(36[45] days\); private key present/);
    expect(show.stdout).toMatch(/rsa\/csms-server-expired\.pem\n.*\n.*EXPIRED/);
    expect(show.stdout).toMatch(/NOT YET VALID/);
    const listed = await listCertificates(dir);
    expect(listed).toHaveLength(catalogueEntries().length);
    expect(listed.find((c) => c.file === join('rsa', 'csms-server.pem'))).toMatchObject({ state: 'valid', commonName: 'localhost', key: 'RSA 2048', hasPrivateKey: true });
  });

  test('init refuses to overwrite without --force', async () => {
    const again = await runCli(['certs', 'init', '--dir', dir], INIT_MS);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds certificates/);
  });

  test('show of a missing folder is a usage error', async () => {
    const show = await runCli(['certs', 'show', '--dir', join(dir, 'nope')], INIT_MS);
    expect(show.code).toBe(2);
    expect(show.stderr).toMatch(/does not exist/);
  });
});
