/** Writes a generated PKI to a folder (private keys mode 0600) and lists what a folder holds, for `ocpp-ct certs init` and `certs show`. */
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { RECIPES, type CredentialName } from './catalog';
import { chainPem, type Credential } from './certificates';
import { summarize, validityState, type CertificateSummary } from './inspect';
import { catalogueEntries, pkiFiles, type GeneratedPki } from './pki';

/** One file written by `writePki`. */
export interface WrittenFile {
  readonly path: string;
  readonly kind: 'certificate' | 'chain' | 'privateKey' | 'manifest';
}

/** Name of the manifest `certs init` writes next to the certificates. */
export const MANIFEST_FILE = 'manifest.json';

/**
 * Writes every credential of the catalogue under `dir`: `<algorithm>/<name>.pem`, `<name>.chain.pem` when it has
 * intermediates, and `<name>.key.pem` with mode 0600; plus a manifest describing each.
 */
export async function writePki(pki: GeneratedPki, dir: string): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  const manifest: Record<string, unknown>[] = [];
  for (const [name, algorithm] of catalogueEntries()) {
    const credential = await pki.get(name, algorithm);
    const files = pkiFiles(dir, name, algorithm);
    await mkdir(join(dir, algorithm), { recursive: true });
    await writeFile(files.certificate, credential.certificatePem);
    written.push({ path: files.certificate, kind: 'certificate' });
    if (credential.intermediates.length > 0) {
      await writeFile(files.chain, chainPem(credential));
      written.push({ path: files.chain, kind: 'chain' });
    }
    await writePrivateKey(files.privateKey, credential.privateKeyPem);
    written.push({ path: files.privateKey, kind: 'privateKey' });
    manifest.push(manifestEntry(dir, name, credential, files));
  }
  const manifestPath = join(dir, MANIFEST_FILE);
  await writeFile(manifestPath, `${JSON.stringify({ generatedBy: 'ocpp-ct certs init', options: pki.options, certificates: manifest }, null, 2)}\n`);
  written.push({ path: manifestPath, kind: 'manifest' });
  return written;
}

/** Writes a private key readable by its owner only (mode 0600, also when the file already existed). */
export async function writePrivateKey(path: string, pem: string): Promise<void> {
  await writeFile(path, pem, { mode: 0o600 });
  await chmod(path, 0o600);
}

function manifestEntry(dir: string, name: CredentialName, credential: Credential, files: ReturnType<typeof pkiFiles>): Record<string, unknown> {
  const summary = summarize(credential.certificatePem);
  return {
    name,
    algorithm: credential.algorithm,
    description: RECIPES[name].description,
    subject: summary.subject,
    issuer: summary.issuer,
    serialNumber: summary.serialNumber,
    validFrom: summary.validFrom,
    validTo: summary.validTo,
    fingerprint256: summary.fingerprint256,
    certificate: relative(dir, files.certificate),
    ...(credential.intermediates.length > 0 ? { chain: relative(dir, files.chain) } : {}),
    privateKey: relative(dir, files.privateKey),
  };
}

/** One certificate found in a folder, for `certs show`. */
export interface ListedCertificate extends CertificateSummary {
  /** Path relative to the folder. */
  readonly file: string;
  readonly state: ReturnType<typeof validityState>;
  /** What the catalogue says it is for, when the file is a catalogue certificate. */
  readonly description?: string;
  readonly hasPrivateKey: boolean;
}

/** Every certificate file under `dir` (chain files and keys aside), with subject, issuer and expiry. */
export async function listCertificates(dir: string, now = new Date()): Promise<ListedCertificate[]> {
  const files = await walk(dir);
  const keys = new Set(files.filter((f) => f.endsWith('.key.pem')));
  const listed: ListedCertificate[] = [];
  for (const file of files.filter((f) => f.endsWith('.pem') && !f.endsWith('.key.pem') && !f.endsWith('.chain.pem')).sort()) {
    const text = await readFile(file, 'utf8');
    if (!text.includes('BEGIN CERTIFICATE')) continue;
    const summary = summarize(text);
    const name = file.replace(/^.*[\\/]/, '').replace(/\.pem$/, '');
    listed.push({
      ...summary,
      file: relative(dir, file),
      state: validityState(summary, now),
      description: (RECIPES as Record<string, { description: string } | undefined>)[name]?.description,
      hasPrivateKey: keys.has(file.replace(/\.pem$/, '.key.pem')),
    });
  }
  return listed;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))));
  return nested.flat();
}
