/** A set of certificates by catalogue name and algorithm: generated in memory on first use, or read from a folder written by `ocpp-ct certs init`. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { x509 } from './x509';
import { CREDENTIAL_NAMES, RECIPES, validityOf, WRONG_KEY_USAGE, type CredentialName, type PkiOptions } from './catalog';
import { certificateToPem, issueCertificate, isRoot, type Credential } from './certificates';
import { KEY_ALGORITHMS, privateKeyFromPem, type KeyAlgorithm } from './keys';

/** Where each credential of a PKI folder lives: `<dir>/<algorithm>/<name>.pem` and `<name>.key.pem`. */
export const pkiFiles = (dir: string, name: string, algorithm: KeyAlgorithm) => ({
  certificate: join(dir, algorithm, `${name}.pem`),
  chain: join(dir, algorithm, `${name}.chain.pem`),
  privateKey: join(dir, algorithm, `${name}.key.pem`),
});

/** Certificates by name and algorithm. */
export interface Pki {
  readonly options: PkiOptions;
  /** The credential; rejects when it does not exist for that algorithm (ISO 15118 material is EC only). */
  get(name: CredentialName, algorithm: KeyAlgorithm): Promise<Credential>;
}

/** True when the catalogue has `name` for `algorithm` (ISO 15118 hierarchies exist for EC only). */
export const existsFor = (name: CredentialName, algorithm: KeyAlgorithm): boolean => algorithm === 'ec' || !RECIPES[name].ecOnly;

/** Every catalogue entry that exists, as [name, algorithm] pairs. */
export const catalogueEntries = (): [CredentialName, KeyAlgorithm][] => KEY_ALGORITHMS.flatMap((algorithm) => CREDENTIAL_NAMES.filter((name) => existsFor(name, algorithm)).map((name): [CredentialName, KeyAlgorithm] => [name, algorithm]));

/** What uses a station-issuing CA other than the CSMS root ("a configured CA"). */
export interface GeneratedPkiSettings {
  /** Signs the station certificate and its bad variants (except self-signed and unknown-issuer) instead of the CSMS root. */
  readonly stationCa?: Credential;
}

/** A PKI generated in memory, each credential on first use (so a run only pays for what it uses). */
export class GeneratedPki implements Pki {
  private readonly made = new Map<string, Promise<Credential>>();

  constructor(
    readonly options: PkiOptions,
    private readonly settings: GeneratedPkiSettings = {},
  ) {}

  get(name: CredentialName, algorithm: KeyAlgorithm): Promise<Credential> {
    if (!existsFor(name, algorithm)) return Promise.reject(new Error(`${name} exists for EC only (ISO 15118-2 uses ECDSA P-256)`));
    const key = `${algorithm}/${name}`;
    let credential = this.made.get(key);
    if (!credential) {
      credential = this.make(name, algorithm);
      this.made.set(key, credential);
    }
    return credential;
  }

  /** Every credential of the catalogue, RSA and EC. */
  all(): Promise<Credential[]> {
    return Promise.all(catalogueEntries().map(([name, algorithm]) => this.get(name, algorithm)));
  }

  private async make(name: CredentialName, algorithm: KeyAlgorithm): Promise<Credential> {
    const recipe = RECIPES[name];
    const stationIssued = recipe.issuer === 'csms-root-ca' && (name === 'station' || name.startsWith('station-'));
    const issuer = stationIssued && this.settings.stationCa ? this.settings.stationCa : recipe.issuer ? await this.get(recipe.issuer, algorithm) : undefined;
    return issueCertificate({
      name,
      algorithm,
      subject: recipe.subject(this.options),
      profile: recipe.profile,
      issuer,
      hosts: recipe.hosts?.(this.options),
      keyUsage: recipe.wrongKeyUsage ? WRONG_KEY_USAGE : undefined,
      pathLength: recipe.pathLength,
      ...validityOf(recipe, this.options.now ?? new Date()),
    });
  }
}

/** A PKI read from a folder written by `ocpp-ct certs init` (or laid out the same way by hand). */
export class DirectoryPki implements Pki {
  private readonly loaded = new Map<string, Promise<Credential>>();

  constructor(
    readonly dir: string,
    readonly options: PkiOptions,
  ) {}

  get(name: CredentialName, algorithm: KeyAlgorithm): Promise<Credential> {
    const key = `${algorithm}/${name}`;
    let credential = this.loaded.get(key);
    if (!credential) {
      credential = this.load(name, algorithm);
      this.loaded.set(key, credential);
    }
    return credential;
  }

  private async load(name: CredentialName, algorithm: KeyAlgorithm): Promise<Credential> {
    const files = pkiFiles(this.dir, name, algorithm);
    const credential = await loadCredential(name, files.certificate, files.privateKey);
    const issuerName = RECIPES[name].issuer;
    const issuer = issuerName ? await this.get(issuerName, algorithm).catch(() => undefined) : undefined;
    if (!issuer) return credential;
    return { ...credential, intermediates: isRoot(issuer) ? [] : [issuer.certificate, ...issuer.intermediates], root: issuer.root };
  }
}

/**
 * Reads a certificate (PEM; further certificates in the file are taken as its intermediates, nearest first) and its
 * private key. A certificate whose issuer is not in the file is taken as its own root.
 * @throws Error naming the file when it cannot be read or parsed.
 */
export async function loadCredential(name: string, certificateFile: string, privateKeyFile: string): Promise<Credential> {
  const read = async (file: string) => {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as Error).message}`, { cause: error });
    }
  };
  const [certificateText, keyText] = await Promise.all([read(certificateFile), read(privateKeyFile)]);
  const blocks = certificateText.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new Error(`${certificateFile} holds no PEM certificate`);
  const [certificate, ...intermediates] = blocks.map((block) => new x509.X509Certificate(block));
  const { key, algorithm } = await privateKeyFromPem(keyText).catch((error: Error) => {
    throw new Error(`${privateKeyFile}: ${error.message}`, { cause: error });
  });
  const top = intermediates.at(-1) ?? certificate;
  return { name, algorithm, certificate, certificatePem: certificateToPem(certificate), privateKey: key, privateKeyPem: keyText, intermediates, root: top };
}

const shared = new Map<string, GeneratedPki>();

/**
 * One generated PKI per distinct set of options, shared by every lane of the process: certificates are immutable,
 * and RSA key generation is the slow part of a TLS run.
 */
export function sharedGeneratedPki(options: PkiOptions): GeneratedPki {
  const key = JSON.stringify({ ...options, now: undefined });
  let pki = shared.get(key);
  if (!pki) {
    pki = new GeneratedPki(options);
    shared.set(key, pki);
  }
  return pki;
}
