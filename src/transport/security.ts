/** Security-profile options shared by both ends: Basic auth credentials (profile 1 and 2) and TLS material (profile 2 and 3). */
import type { SecureContextOptions } from 'node:tls';

/** The OCPP-J subprotocol of OCPP 2.0.1. */
export const OCPP_SUBPROTOCOL = 'ocpp2.0.1';

/** TLS material for a server or a client. `minVersion` defaults to TLSv1.2: OCPP forbids anything older. */
export interface TlsOptions extends Pick<SecureContextOptions, 'key' | 'cert' | 'ca' | 'ciphers' | 'minVersion' | 'maxVersion'> {
  /** Server side: ask for and verify a client certificate (security profile 3). */
  readonly requestClientCertificate?: boolean;
  /** Client side: the host name the server certificate must match (defaults to the URL's host). */
  readonly servername?: string;
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
