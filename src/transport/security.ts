/** Security-profile options shared by both ends: Basic auth (profiles 1 and 2), TLS material and cipher suites (2 and 3), and readable facts about every TLS handshake. */
import type { SecureContextOptions } from 'node:tls';
import { describeCertificate, summarize, type CertificateSummary } from '../pki/inspect';

/** The OCPP-J subprotocol of OCPP 2.0.1. */
export const OCPP_SUBPROTOCOL = 'ocpp2.0.1';

/** Part 2 A00: 1 unsecured transport with Basic auth, 2 TLS with Basic auth, 3 TLS with client certificates. */
export type SecurityProfile = 1 | 2 | 3;

/** The four TLS 1.2 cipher suites of A00.FR.318/421 (a CSMS supports all four; a station at least one ECDHE_ECDSA or one RSA pair), IANA name → OpenSSL name. */
export const OCPP_CIPHER_SUITES = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
} as const;

/** An OCPP TLS 1.2 cipher suite, by its IANA name. */
export type OcppCipherSuite = keyof typeof OCPP_CIPHER_SUITES;

/** The TLS 1.3 suites OpenSSL offers; OCPP allows TLS 1.3 ("1.2 or above") and lists no suites for it. */
export const TLS13_CIPHER_SUITES = ['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256', 'TLS_CHACHA20_POLY1305_SHA256'] as const;

/** The OpenSSL cipher string both ends of the harness use: the TLS 1.3 suites, then only the four OCPP TLS 1.2 suites. */
export const OCPP_CIPHERS = [...TLS13_CIPHER_SUITES, ...Object.values(OCPP_CIPHER_SUITES)].join(':');

/** TLS material for a server or a client. `minVersion` defaults to TLSv1.2: OCPP forbids anything older (A00.FR.313/416). */
export interface TlsOptions extends Pick<SecureContextOptions, 'key' | 'cert' | 'ca' | 'ciphers' | 'minVersion' | 'maxVersion' | 'allowPartialTrustChain'> {
  /** Server side: require a client certificate that chains to `ca`, and a CN equal to the station id (security profile 3). */
  readonly requestClientCertificate?: boolean;
  /** Client side: the host name the server certificate must match (defaults to the URL's host). */
  readonly servername?: string;
  /** Client side: false accepts any server certificate (only for deliberately broken reference stations). */
  readonly rejectUnauthorized?: boolean;
}

/** The secure-context part both ends share: the material as given, the OCPP cipher suites and TLS 1.2 as the floor unless overridden. */
export function secureContextOf(tls: TlsOptions): Pick<SecureContextOptions, 'key' | 'cert' | 'ca' | 'ciphers' | 'minVersion' | 'maxVersion' | 'allowPartialTrustChain'> {
  return { key: tls.key, cert: tls.cert, ca: tls.ca, ciphers: tls.ciphers ?? OCPP_CIPHERS, minVersion: tls.minVersion ?? 'TLSv1.2', maxVersion: tls.maxVersion, ...(tls.allowPartialTrustChain ? { allowPartialTrustChain: true } : {}) };
}

/** The value of an HTTP Basic Authorization header for station id and password (A00: the user name is the station id). */
export function basicAuthHeader(stationId: string, password: string): string {
  return `Basic ${Buffer.from(`${stationId}:${password}`, 'utf8').toString('base64')}`;
}

/** Reads user and password from a Basic Authorization header, or undefined when it is missing or malformed. */
export function parseBasicAuth(header: string | undefined): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** What the client offered in its ClientHello (seen by the harness when it is the TLS server). */
export interface ClientHelloFacts {
  /** Versions offered: supported_versions when present, else the legacy version. */
  readonly versions: readonly string[];
  /** Cipher suites offered, IANA names (hex for suites this table does not know). */
  readonly cipherSuites: readonly string[];
  readonly serverName?: string;
}

/** Why a TLS handshake failed, in the words a lab report uses. */
export type TlsFailureKind =
  | 'expired'
  | 'not yet valid'
  | 'unknown CA'
  | 'self-signed'
  | 'CN mismatch'
  | 'wrong key usage'
  | 'no client certificate'
  | 'protocol version'
  | 'cipher suite'
  | 'closed by peer'
  | 'other';

/** One TLS handshake as the harness saw it, succeeded or not. */
export interface TlsHandshake {
  readonly ok: boolean;
  /** The harness's end: `server` (it plays the CSMS) or `client` (it plays the station). */
  readonly side: 'server' | 'client';
  readonly remote: string;
  /** Negotiated version, e.g. TLSv1.3. */
  readonly protocol?: string;
  /** Negotiated cipher: IANA name (standardName) and OpenSSL name. */
  readonly cipher?: { readonly standardName: string; readonly name: string };
  /** The certificates the peer presented, leaf first. */
  readonly peerChain: readonly CertificateSummary[];
  /** Server side: what the client offered. */
  readonly clientHello?: ClientHelloFacts;
  readonly failure?: { readonly kind: TlsFailureKind; readonly code: string; readonly message: string };
}

/** Maps an OpenSSL / Node TLS error to the kind of failure a report names. */
export function classifyTlsError(error: { code?: string; message?: string; reason?: string }): { kind: TlsFailureKind; code: string; message: string } {
  const code = error.code ?? 'UNKNOWN';
  const text = `${code} ${error.reason ?? ''} ${error.message ?? ''}`;
  const kind: TlsFailureKind =
    /CERT_HAS_EXPIRED|CERTIFICATE_EXPIRED|certificate has expired/i.test(text) ? 'expired'
    : /CERT_NOT_YET_VALID|not yet valid/i.test(text) ? 'not yet valid'
    : /SELF_SIGNED|self[- ]signed/i.test(text) ? 'self-signed'
    : /UNKNOWN_CA|UNABLE_TO_GET_ISSUER|UNABLE_TO_VERIFY_LEAF|unknown ca|local issuer/i.test(text) ? 'unknown CA'
    : /ALTNAME|hostname|CN mismatch|does not match/i.test(text) ? 'CN mismatch'
    : /INVALID_PURPOSE|UNSUPPORTED_CERTIFICATE|unsuitable certificate purpose|key usage/i.test(text) ? 'wrong key usage'
    : /PEER_DID_NOT_RETURN_A_CERTIFICATE|CERTIFICATE_REQUIRED|no client certificate/i.test(text) ? 'no client certificate'
    : /PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL|NO_PROTOCOLS_AVAILABLE|VERSION_TOO_LOW|wrong version|protocol version/i.test(text) ? 'protocol version'
    : /NO_SHARED_CIPHER|HANDSHAKE_FAILURE|no shared cipher|cipher/i.test(text) ? 'cipher suite'
    : /ECONNRESET|socket hang up|EPIPE|closed/i.test(text) ? 'closed by peer'
    : 'other';
  return { kind, code, message: (error.message ?? code).split('\n')[0] };
}

/** The chain a Node peer-certificate object describes, leaf first (`getPeerCertificate(true)` links issuers until the root points at itself). */
export function peerChainOf(peer: { raw?: Buffer; issuerCertificate?: unknown } | undefined): CertificateSummary[] {
  const chain: CertificateSummary[] = [];
  const seen = new Set<unknown>();
  for (let current = peer; current?.raw && !seen.has(current); current = current.issuerCertificate as typeof peer) {
    seen.add(current);
    chain.push(summarize(current.raw));
  }
  return chain;
}

/** One readable line about a handshake, for the connection events of a case. */
export function describeHandshake(handshake: TlsHandshake): string {
  const parts: string[] = [];
  if (handshake.ok) parts.push(`TLS handshake with ${handshake.remote} succeeded: ${handshake.protocol}, ${handshake.cipher?.standardName ?? '?'}`);
  else parts.push(`TLS handshake with ${handshake.remote} failed (${handshake.failure?.kind}): ${handshake.failure?.message}`);
  if (handshake.clientHello) parts.push(`client offered ${handshake.clientHello.versions.join('/')} with ${handshake.clientHello.cipherSuites.length} cipher suites`);
  if (handshake.peerChain.length > 0) parts.push(`peer chain: ${handshake.peerChain.map((c, i) => `[${i}] ${describeCertificate(c)}`).join('; ')}`);
  else if (handshake.ok) parts.push('peer sent no certificate');
  return parts.join('; ');
}
