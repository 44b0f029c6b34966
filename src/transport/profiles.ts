/** Turns the run's `security` configuration into TLS material for each end and profile: the CSMS endpoint, the station's trust and client certificate, and the CAs that sign. */
import { readFile } from 'node:fs/promises';
import type { RunConfig } from '../engine/config';
import { chainPem, type Credential } from '../pki/certificates';
import type { CredentialName } from '../pki/catalog';
import type { KeyAlgorithm } from '../pki/keys';
import { DirectoryPki, GeneratedPki, loadCredential, sharedGeneratedPki, type Pki } from '../pki/pki';
import type { ReferenceStationSecurity } from '../reference/station/options';
import type { SecurityProfile, TlsOptions } from './security';

/** The TLS material of a run, resolved once per lane (certificates are loaded or generated on first use). */
export class SecurityMaterial {
  private readonly cache = new Map<string, Promise<unknown>>();
  readonly pki: Pki;

  constructor(readonly config: RunConfig) {
    const options = { stationId: config.station.id, organization: config.security.organization, hosts: config.security.csmsHosts };
    this.pki = config.security.pkiDir ? new DirectoryPki(config.security.pkiDir, options) : sharedGeneratedPki(options);
  }

  /** The configured security profile of the run. */
  get profile(): SecurityProfile {
    return this.config.security.securityProfile;
  }

  /** The server certificates of a CSMS endpoint: RSA and EC when generated (so all four OCPP suites work), else the configured one. */
  csmsServerCredentials(): Promise<Credential[]> {
    const source = this.config.security.csmsCertificate;
    return this.once('csms-server', () => (source === 'generated' ? Promise.all([this.pki.get('csms-server', 'rsa'), this.pki.get('csms-server', 'ec')]) : loadCredential('csms-server', source.certificate, source.privateKey).then((c) => [c])));
  }

  /** The CA that signs station certificates and CSRs of `algorithm` keys (the CSMS root unless a CA is configured). */
  certificateAuthority(algorithm: KeyAlgorithm = this.config.security.keyAlgorithm): Promise<Credential> {
    const source = this.config.security.certificateAuthority;
    if (source !== 'generated') return this.once('ca', () => loadCredential('certificate-authority', source.certificate, source.privateKey));
    return this.pki.get('csms-root-ca', algorithm);
  }

  /** What the station side trusts for the CSMS server certificate (PEM). */
  csmsRootCertificates(): Promise<string[]> {
    const source = this.config.security.csmsRootCertificate;
    if (source !== 'generated') return this.once('csms-roots', async () => [await readFile(source, 'utf8')]);
    return this.once('csms-roots', async () => [(await this.pki.get('csms-root-ca', 'rsa')).certificatePem, (await this.pki.get('csms-root-ca', 'ec')).certificatePem]);
  }

  /** What a CSMS endpoint trusts for client certificates (PEM): the certificate authorities. */
  clientCertificateAuthorities(): Promise<string[]> {
    if (this.config.security.certificateAuthority !== 'generated') return this.certificateAuthority().then((ca) => [ca.certificatePem]);
    return this.csmsRootCertificates();
  }

  /** The station's client certificate for profile 3: the configured one, or the generated one of the configured algorithm (signed by the configured CA when there is one). */
  stationCredential(): Promise<Credential> {
    const source = this.config.security.stationCertificate;
    if (source !== 'generated') return this.once('station', () => loadCredential('station', source.certificate, source.privateKey));
    if (this.config.security.certificateAuthority === 'generated' || this.config.security.pkiDir) return this.pki.get('station', this.config.security.keyAlgorithm);
    return this.once('station', async () => new GeneratedPki(this.pki.options, { stationCa: await this.certificateAuthority() }).get('station', this.config.security.keyAlgorithm));
  }

  /** A catalogue certificate of the run's PKI (for the negative cases: expired, wrong CN, unknown issuer, …). */
  credential(name: CredentialName, algorithm: KeyAlgorithm = this.config.security.keyAlgorithm): Promise<Credential> {
    return this.pki.get(name, algorithm);
  }

  /** TLS options of a CSMS endpoint serving `profile` (2: server certificate; 3: also client certificates). */
  async serverTls(profile: 2 | 3, serverCertificates?: readonly Credential[]): Promise<TlsOptions> {
    const credentials = serverCertificates ?? (await this.csmsServerCredentials());
    return { key: credentials.map((c) => c.privateKeyPem), cert: credentials.map(chainPem), ca: await this.clientCertificateAuthorities(), requestClientCertificate: profile === 3 };
  }

  /** TLS options of the station side for `profile`: trust in the CSMS root, and for profile 3 the client certificate (`client` replaces the station's own). */
  async clientTls(profile: 2 | 3, client?: Credential): Promise<TlsOptions> {
    const ca = await this.csmsRootCertificates();
    if (profile === 2) return { ca };
    const credential = client ?? (await this.stationCredential());
    return { ca, key: credential.privateKeyPem, cert: chainPem(credential) };
  }

  /** What a reference station of this run starts with: the configured profile, the CSMS roots, the V2G root, and its station certificate. */
  async referenceStation(): Promise<ReferenceStationSecurity> {
    const station = await this.stationCredential();
    return {
      securityProfile: this.profile,
      csmsRootCertificates: await this.csmsRootCertificates(),
      v2gRootCertificates: [(await this.pki.get('v2g-root-ca', 'ec')).certificatePem],
      manufacturerRootCertificates: [(await this.pki.get('manufacturer-root-ca', this.config.security.keyAlgorithm)).certificatePem],
      stationCertificate: { chainPem: chainPem(station), privateKeyPem: station.privateKeyPem },
      keyAlgorithm: this.config.security.keyAlgorithm,
    };
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.cache.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      this.cache.set(key, value);
    }
    return value;
  }
}
