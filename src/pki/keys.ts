/** Key pairs for the PKI: RSA 2048 and EC P-256 with Node's webcrypto, PEM in and out, and @peculiar/x509 wired to the same crypto. */
import { createPrivateKey, webcrypto } from 'node:crypto';

/** A webcrypto key (Node's type: the project compiles without the DOM library). */
export type CryptoKey = webcrypto.CryptoKey;
/** A webcrypto key pair. */
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
type SignParams = webcrypto.AlgorithmIdentifier | webcrypto.RsaPssParams | webcrypto.EcdsaParams;

/** The two key algorithms OCPP's cipher suites need: RSA (TLS_RSA_*) and ECDSA P-256 (TLS_ECDHE_ECDSA_*). */
export type KeyAlgorithm = 'rsa' | 'ec';

/** Both key algorithms, RSA first. */
export const KEY_ALGORITHMS: readonly KeyAlgorithm[] = ['rsa', 'ec'];

/** The webcrypto parameters of each algorithm: RSASSA-PKCS1-v1_5 2048 with SHA-256, and ECDSA P-256 with SHA-256. */
const PARAMS: Readonly<Record<KeyAlgorithm, { generate: webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams; import: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams; sign: SignParams }>> = {
  rsa: {
    generate: { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
  },
  ec: {
    generate: { name: 'ECDSA', namedCurve: 'P-256' },
    import: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
  },
};

/** The signature algorithm a key of `algorithm` signs certificates and CSRs with. */
export const signingAlgorithm = (algorithm: KeyAlgorithm): SignParams => PARAMS[algorithm].sign;

/** A fresh, extractable key pair. */
export async function generateKeyPair(algorithm: KeyAlgorithm): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(PARAMS[algorithm].generate, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** The private key as PKCS#8 PEM ("BEGIN PRIVATE KEY"), the form Node's TLS and OpenSSL read. */
export async function privateKeyToPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return toPem('PRIVATE KEY', der);
}

/**
 * Reads a private key in PEM (PKCS#8, PKCS#1 RSA or SEC1 EC) and imports it for signing.
 * @throws Error when it is neither an RSA key nor an EC P-256 key.
 */
export async function privateKeyFromPem(pem: string): Promise<{ key: CryptoKey; algorithm: KeyAlgorithm }> {
  const keyObject = createPrivateKey(pem);
  const type = keyObject.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') throw new Error(`unsupported private key type ${type ?? 'unknown'} (RSA or EC P-256 expected)`);
  if (type === 'ec' && keyObject.asymmetricKeyDetails?.namedCurve !== 'prime256v1') throw new Error(`unsupported EC curve ${keyObject.asymmetricKeyDetails?.namedCurve} (P-256 expected)`);
  const der = keyObject.export({ format: 'der', type: 'pkcs8' });
  const key = await webcrypto.subtle.importKey('pkcs8', der, PARAMS[type].import, true, ['sign']);
  return { key, algorithm: type };
}

/** The key algorithm of a public or private key (RSA or EC). @throws Error for any other. */
export function algorithmOf(key: CryptoKey): KeyAlgorithm {
  if (key.algorithm.name === 'ECDSA') return 'ec';
  if (key.algorithm.name.startsWith('RSA')) return 'rsa';
  throw new Error(`unsupported key algorithm ${key.algorithm.name}`);
}

/** Wraps DER bytes in a PEM block with 64-character lines. */
export function toPem(label: string, der: Buffer): string {
  const body = der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
