/** Reads a TLS ClientHello from the first bytes of a connection, so the harness can report which versions and cipher suites a station offers (TC_A_04_CS, A00.FR.319/422). */
import type { ClientHelloFacts } from './security';

const CIPHER_NAMES: Readonly<Record<number, string>> = {
  0x1301: 'TLS_AES_128_GCM_SHA256',
  0x1302: 'TLS_AES_256_GCM_SHA384',
  0x1303: 'TLS_CHACHA20_POLY1305_SHA256',
  0xc02b: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  0xc02c: 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  0xc02f: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  0xc030: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  0xcca8: 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
  0xcca9: 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
  0x009c: 'TLS_RSA_WITH_AES_128_GCM_SHA256',
  0x009d: 'TLS_RSA_WITH_AES_256_GCM_SHA384',
  0x009e: 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  0x009f: 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
  0x002f: 'TLS_RSA_WITH_AES_128_CBC_SHA',
  0x0035: 'TLS_RSA_WITH_AES_256_CBC_SHA',
  0xc009: 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA',
  0xc00a: 'TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA',
  0xc013: 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  0xc014: 'TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA',
  0x00ff: 'TLS_EMPTY_RENEGOTIATION_INFO_SCSV',
};

const VERSION_NAMES: Readonly<Record<number, string>> = { 0x0300: 'SSLv3', 0x0301: 'TLSv1', 0x0302: 'TLSv1.1', 0x0303: 'TLSv1.2', 0x0304: 'TLSv1.3' };

const versionName = (v: number): string => VERSION_NAMES[v] ?? `0x${v.toString(16).padStart(4, '0')}`;

/** GREASE values (RFC 8701) are placeholders, not real offers. */
const isGrease = (v: number): boolean => (v & 0x0f0f) === 0x0a0a && v >> 8 === (v & 0xff);

/**
 * How many bytes the first TLS record needs in total, or undefined when `data` does not start a TLS handshake record
 * (then the connection is not TLS and is passed on untouched).
 */
export function clientHelloLength(data: Buffer): number | undefined {
  if (data.length < 5 || data[0] !== 0x16 || data[1] !== 0x03) return undefined;
  return 5 + data.readUInt16BE(3);
}

/** Parses the ClientHello in the first TLS record; undefined when it is not one or is cut short. */
export function parseClientHello(data: Buffer): ClientHelloFacts | undefined {
  try {
    const total = clientHelloLength(data);
    if (total === undefined || data.length < total || data[5] !== 0x01) return undefined;
    let at = 9; // record header (5) + handshake type (1) + length (3)
    const legacyVersion = data.readUInt16BE(at);
    at += 2 + 32; // version, random
    at += 1 + data[at]; // session id
    const suitesLength = data.readUInt16BE(at);
    at += 2;
    const cipherSuites: string[] = [];
    for (let i = 0; i < suitesLength; i += 2) {
      const suite = data.readUInt16BE(at + i);
      if (!isGrease(suite)) cipherSuites.push(CIPHER_NAMES[suite] ?? `0x${suite.toString(16).padStart(4, '0')}`);
    }
    at += suitesLength;
    at += 1 + data[at]; // compression methods
    let versions = [versionName(legacyVersion)];
    let serverName: string | undefined;
    const end = at + 2 + (at + 2 <= total ? data.readUInt16BE(at) : 0);
    at += 2;
    while (at + 4 <= end) {
      const type = data.readUInt16BE(at);
      const length = data.readUInt16BE(at + 2);
      const body = data.subarray(at + 4, at + 4 + length);
      if (type === 0x002b) versions = readSupportedVersions(body);
      if (type === 0x0000 && body.length > 5) serverName = body.subarray(5, 5 + body.readUInt16BE(3)).toString('ascii');
      at += 4 + length;
    }
    return { versions, cipherSuites, serverName };
  } catch {
    return undefined; // a malformed hello: the TLS layer will refuse it and say why
  }
}

function readSupportedVersions(body: Buffer): string[] {
  const versions: string[] = [];
  for (let i = 1; i + 1 < 1 + body[0]; i += 2) {
    const v = body.readUInt16BE(i);
    if (!isGrease(v)) versions.push(versionName(v));
  }
  return versions;
}
