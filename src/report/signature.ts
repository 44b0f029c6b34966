// A detached signature over a certification run's evidence manifest, and the check a lab (or anyone) runs on the folder later.
import { createHash, createPrivateKey, sign, verify, X509Certificate } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, normalize, isAbsolute } from 'node:path';
import { ConfigError, type RunConfig } from '../engine/config';

/** The signature files next to the manifest: the raw signature (DER for ECDSA, PKCS#1 v1.5 for RSA) and the signer's certificate. */
export const SIGNATURE_FILES = { manifest: 'certification-report.sha256', signature: 'certification-report.sha256.sig', signer: 'certification-report.signer.pem' } as const;

/** A signing key and its certificate (PEM), e.g. made by the PKI module or `ocpp-ct certs init`. */
export interface SigningIdentity {
  readonly privateKeyPem: string;
  readonly certificatePem: string;
}

/** The signing identity the run config names (reports.signingKey / signingCertificate), read now so a bad path is refused before the run. */
export function signingIdentityFrom(reports: RunConfig['reports']): SigningIdentity | undefined {
  if (!reports?.signingKey || !reports.signingCertificate) return undefined;
  const read = (field: string, path: string): string => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      throw new ConfigError(`reports.${field}: cannot read ${path}: ${(error as Error).message}`);
    }
  };
  const identity = { privateKeyPem: read('signingKey', reports.signingKey), certificatePem: read('signingCertificate', reports.signingCertificate) };
  try {
    if (!new X509Certificate(identity.certificatePem).checkPrivateKey(createPrivateKey(identity.privateKeyPem))) throw new Error('the key does not belong to the certificate');
  } catch (error) {
    throw new ConfigError(`reports.signingKey / reports.signingCertificate: ${(error as Error).message}`);
  }
  return identity;
}

/**
 * Signs the manifest in `outDir` (SHA-256 with the key's own scheme) and writes the signature and the signer's
 * certificate beside it; `openssl dgst -sha256 -verify <public key> -signature <sig> <manifest>` checks it too.
 */
export async function signManifest(outDir: string, identity: SigningIdentity): Promise<string[]> {
  const manifest = await readFile(join(outDir, SIGNATURE_FILES.manifest));
  const certificate = new X509Certificate(identity.certificatePem);
  const key = createPrivateKey(identity.privateKeyPem);
  if (!certificate.checkPrivateKey(key)) throw new Error('the signing key does not belong to the signing certificate');
  const signature = sign('sha256', manifest, key);
  const paths = [join(outDir, SIGNATURE_FILES.signature), join(outDir, SIGNATURE_FILES.signer)];
  await writeFile(paths[0], signature);
  await writeFile(paths[1], certificate.toString());
  return paths;
}

/** What `verify` found. */
export interface Verification {
  /** Every file of the manifest has its hash, and the signature (when there is one) holds. */
  readonly ok: boolean;
  readonly signed: boolean;
  /** One line per finding, for the terminal. */
  readonly lines: readonly string[];
}

/** Checks every file the manifest lists against its SHA-256, then the detached signature over the manifest, if any. */
export async function verifyRun(outDir: string): Promise<Verification> {
  const lines: string[] = [];
  let ok = true;
  let manifest: Buffer;
  try {
    manifest = await readFile(join(outDir, SIGNATURE_FILES.manifest));
  } catch {
    return { ok: false, signed: false, lines: [`no ${SIGNATURE_FILES.manifest} in ${outDir}: not a certification run folder`] };
  }
  const entries = manifest.toString('utf8').split('\n').filter(Boolean);
  for (const entry of entries) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(entry);
    if (!match) {
      ok = false;
      lines.push(`malformed manifest line: ${entry}`);
      continue;
    }
    const [, expected, path] = match;
    if (isAbsolute(path) || normalize(path).startsWith('..')) {
      ok = false;
      lines.push(`refused: ${path} lies outside the run folder`);
      continue;
    }
    const actual = await readFile(join(outDir, path)).then((data) => createHash('sha256').update(data).digest('hex'), () => undefined);
    if (actual === expected) continue;
    ok = false;
    lines.push(actual === undefined ? `MISSING  ${path}` : `CHANGED  ${path} (SHA-256 is now ${actual})`);
  }
  if (ok) lines.push(`all ${entries.length} files match the manifest`);
  const signature = await readFile(join(outDir, SIGNATURE_FILES.signature)).catch(() => undefined);
  if (!signature) {
    lines.push('not signed (no detached signature in the folder)');
    return { ok, signed: false, lines };
  }
  let signer: X509Certificate;
  try {
    signer = new X509Certificate(await readFile(join(outDir, SIGNATURE_FILES.signer)));
  } catch {
    return { ok: false, signed: true, lines: [...lines, `the signer certificate ${SIGNATURE_FILES.signer} is missing or unreadable`] };
  }
  const holds = verify('sha256', manifest, signer.publicKey, signature);
  lines.push(holds ? `signature holds: signed by ${signer.subject.replace(/\n/g, ', ')} (SHA-256 fingerprint ${signer.fingerprint256})` : 'SIGNATURE DOES NOT HOLD: the manifest was changed after signing, or signed with another key');
  return { ok: ok && holds, signed: true, lines };
}
