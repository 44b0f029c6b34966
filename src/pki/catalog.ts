/** The named certificates a conformance run needs: the CSMS and station hierarchy, firmware signing, the ISO 15118 hierarchies and deliberately bad certificates. */
import { x509 } from './x509';
import { addDays, type CertificateProfile, type SubjectFields } from './certificates';

/** Settings that shape the generated subjects. */
export interface PkiOptions {
  /** The Charging Station identity: CN of the station certificate (A00.FR.511). */
  readonly stationId: string;
  /** The CSO organisation: O of the station and CSMS certificates (A00.FR.509). */
  readonly organization: string;
  /** Host names and addresses of the CSMS endpoint, besides localhost and 127.0.0.1 (subjectAltName of the server certificate). */
  readonly hosts?: readonly string[];
  /** The moment validity windows are counted from (now when absent). */
  readonly now?: Date;
}

/** The names of the catalogue, in the order `certs show` lists them. */
export const CREDENTIAL_NAMES = [
  'csms-root-ca',
  'csms-server',
  'csms-root-ca-2',
  'csms-server-2',
  'station',
  'manufacturer-root-ca',
  'firmware-signing',
  'v2g-root-ca',
  'v2g-sub-ca-1',
  'v2g-sub-ca-2',
  'secc',
  'mo-root-ca',
  'mo-sub-ca-1',
  'mo-sub-ca-2',
  'contract',
  'oem-root-ca',
  'oem-provisioning',
  'unknown-root-ca',
  'csms-server-expired',
  'csms-server-not-yet-valid',
  'csms-server-wrong-cn',
  'csms-server-self-signed',
  'csms-server-unknown-issuer',
  'csms-server-wrong-key-usage',
  'station-expired',
  'station-not-yet-valid',
  'station-wrong-cn',
  'station-self-signed',
  'station-unknown-issuer',
  'station-wrong-key-usage',
] as const;

/** A certificate of the catalogue. */
export type CredentialName = (typeof CREDENTIAL_NAMES)[number];

/** How one catalogue certificate is made. */
export interface Recipe {
  readonly description: string;
  readonly profile: CertificateProfile;
  /** The catalogue CA that signs it; absent for a self-signed certificate. */
  readonly issuer?: CredentialName;
  subject(options: PkiOptions): SubjectFields;
  /** subjectAltName entries (server certificates). */
  hosts?(options: PkiOptions): readonly string[];
  /** Validity window: `valid` (default), `expired` or `notYetValid`. */
  readonly validity?: 'valid' | 'expired' | 'notYetValid';
  /** Years a valid certificate lasts (1 when absent). */
  readonly years?: number;
  readonly pathLength?: number;
  /** A key usage that does not allow the certificate's purpose. */
  readonly wrongKeyUsage?: boolean;
  /** ISO 15118 material: ECDSA P-256 only (ISO 15118-2 has no RSA). */
  readonly ecOnly?: boolean;
}

/** The host names the CSMS server certificate always covers. */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1'];

const serverHosts = (o: PkiOptions): readonly string[] => [...new Set([...LOCAL_HOSTS, ...(o.hosts ?? [])])];
const csmsServerSubject = (o: PkiOptions): SubjectFields => ({ commonName: serverHosts(o)[0], organization: o.organization });
const stationSubject = (o: PkiOptions): SubjectFields => ({ commonName: o.stationId, organization: o.organization });
const ca = (commonName: string, organization: (o: PkiOptions) => string) => (o: PkiOptions): SubjectFields => ({ commonName, organization: organization(o) });
const cso = (o: PkiOptions): string => o.organization;
const fixedOrg = (name: string) => (): string => name;

/** The catalogue itself. */
export const RECIPES: Readonly<Record<CredentialName, Recipe>> = {
  'csms-root-ca': { description: 'CSO root CA: signs the CSMS server and Charging Station certificates (install on the station as CSMSRootCertificate)', profile: 'rootCa', subject: ca('OCPP-CT CSMS Root CA', cso), years: 10 },
  'csms-server': { description: 'CSMS server certificate (CN and subjectAltName: the CSMS host)', profile: 'endEntity', issuer: 'csms-root-ca', subject: csmsServerSubject, hosts: serverHosts },
  'csms-root-ca-2': { description: 'a second CSO root CA, of the CSMS a station migrates to (Part 6 <Configured (new) CSMS Root certificate 2>)', profile: 'rootCa', subject: ca('OCPP-CT CSMS Root CA 2', cso), years: 10 },
  'csms-server-2': { description: 'server certificate of the CSMS a station migrates to, signed by CSMS root CA 2', profile: 'endEntity', issuer: 'csms-root-ca-2', subject: csmsServerSubject, hosts: serverHosts },
  station: { description: 'Charging Station client certificate (CN = station id, O = organisation), security profile 3', profile: 'endEntity', issuer: 'csms-root-ca', subject: stationSubject },
  'manufacturer-root-ca': { description: 'manufacturer root CA (install on the station as ManufacturerRootCertificate)', profile: 'rootCa', subject: ca('OCPP-CT Manufacturer Root CA', fixedOrg('OCPP-CT Manufacturer')), years: 10 },
  'firmware-signing': { description: 'firmware signing certificate (signs SignedUpdateFirmware images)', profile: 'signing', issuer: 'manufacturer-root-ca', subject: ca('OCPP-CT Firmware Signing', fixedOrg('OCPP-CT Manufacturer')) },
  'v2g-root-ca': { description: 'ISO 15118 V2G root CA (install as V2GRootCertificate)', profile: 'rootCa', subject: ca('OCPP-CT V2G Root CA', fixedOrg('OCPP-CT V2G')), years: 10, ecOnly: true },
  'v2g-sub-ca-1': { description: 'ISO 15118 CPO sub-CA 1', profile: 'subCa', issuer: 'v2g-root-ca', subject: ca('OCPP-CT CPO Sub-CA 1', cso), pathLength: 1, years: 4, ecOnly: true },
  'v2g-sub-ca-2': { description: 'ISO 15118 CPO sub-CA 2 (signs SECC certificates and V2G CSRs)', profile: 'subCa', issuer: 'v2g-sub-ca-1', subject: ca('OCPP-CT CPO Sub-CA 2', cso), pathLength: 0, years: 2, ecOnly: true },
  secc: { description: 'ISO 15118 SECC leaf certificate (V2GCertificate, CN = station id)', profile: 'endEntity', issuer: 'v2g-sub-ca-2', subject: stationSubject, ecOnly: true },
  'mo-root-ca': { description: 'ISO 15118 mobility operator root CA (install as MORootCertificate)', profile: 'rootCa', subject: ca('OCPP-CT MO Root CA', fixedOrg('OCPP-CT MO')), years: 10, ecOnly: true },
  'mo-sub-ca-1': { description: 'ISO 15118 MO sub-CA 1', profile: 'subCa', issuer: 'mo-root-ca', subject: ca('OCPP-CT MO Sub-CA 1', fixedOrg('OCPP-CT MO')), pathLength: 1, years: 4, ecOnly: true },
  'mo-sub-ca-2': { description: 'ISO 15118 MO sub-CA 2 (signs contract certificates)', profile: 'subCa', issuer: 'mo-sub-ca-1', subject: ca('OCPP-CT MO Sub-CA 2', fixedOrg('OCPP-CT MO')), pathLength: 0, years: 2, ecOnly: true },
  contract: { description: 'ISO 15118 contract certificate (CN = an eMAID)', profile: 'endEntity', issuer: 'mo-sub-ca-2', subject: () => ({ commonName: 'NLOCTC00000001T', organization: 'OCPP-CT MO' }), ecOnly: true },
  'oem-root-ca': { description: 'ISO 15118 OEM root CA (install as OEMRootCertificate)', profile: 'rootCa', subject: ca('OCPP-CT OEM Root CA', fixedOrg('OCPP-CT OEM')), years: 10, ecOnly: true },
  'oem-provisioning': { description: 'ISO 15118 OEM provisioning certificate (CN = a PCID)', profile: 'endEntity', issuer: 'oem-root-ca', subject: () => ({ commonName: 'OCTPCID0000000001', organization: 'OCPP-CT OEM' }), ecOnly: true },
  'unknown-root-ca': { description: 'a root CA nobody trusts: issuer of the unknown-issuer certificates', profile: 'rootCa', subject: ca('OCPP-CT Unknown Root CA', fixedOrg('OCPP-CT Untrusted')), years: 10 },
  'csms-server-expired': { description: 'negative: CSMS server certificate that expired yesterday', profile: 'endEntity', issuer: 'csms-root-ca', subject: csmsServerSubject, hosts: serverHosts, validity: 'expired' },
  'csms-server-not-yet-valid': { description: 'negative: CSMS server certificate valid only from next month', profile: 'endEntity', issuer: 'csms-root-ca', subject: csmsServerSubject, hosts: serverHosts, validity: 'notYetValid' },
  'csms-server-wrong-cn': { description: 'negative: CSMS server certificate for another host name', profile: 'endEntity', issuer: 'csms-root-ca', subject: (o) => ({ commonName: 'wrong-host.invalid', organization: o.organization }), hosts: () => ['wrong-host.invalid'] },
  'csms-server-self-signed': { description: 'negative: self-signed CSMS server certificate', profile: 'endEntity', subject: csmsServerSubject, hosts: serverHosts },
  'csms-server-unknown-issuer': { description: 'negative: CSMS server certificate issued by the unknown root CA', profile: 'endEntity', issuer: 'unknown-root-ca', subject: csmsServerSubject, hosts: serverHosts },
  'csms-server-wrong-key-usage': { description: 'negative: CSMS server certificate whose key usage only allows certificate signing', profile: 'endEntity', issuer: 'csms-root-ca', subject: csmsServerSubject, hosts: serverHosts, wrongKeyUsage: true },
  'station-expired': { description: 'negative: station certificate that expired yesterday', profile: 'endEntity', issuer: 'csms-root-ca', subject: stationSubject, validity: 'expired' },
  'station-not-yet-valid': { description: 'negative: station certificate valid only from next month', profile: 'endEntity', issuer: 'csms-root-ca', subject: stationSubject, validity: 'notYetValid' },
  'station-wrong-cn': { description: 'negative: station certificate whose CN is not the station id', profile: 'endEntity', issuer: 'csms-root-ca', subject: (o) => ({ commonName: `${o.stationId}-WRONG`, organization: o.organization }) },
  'station-self-signed': { description: 'negative: self-signed station certificate', profile: 'endEntity', subject: stationSubject },
  'station-unknown-issuer': { description: 'negative: station certificate issued by the unknown root CA', profile: 'endEntity', issuer: 'unknown-root-ca', subject: stationSubject },
  'station-wrong-key-usage': { description: 'negative: station certificate whose key usage only allows certificate signing', profile: 'endEntity', issuer: 'csms-root-ca', subject: stationSubject, wrongKeyUsage: true },
};

/** The validity window of a recipe, counted from `now`: an hour of slack before now, then its years; or a deliberately bad window. */
export function validityOf(recipe: Recipe, now: Date): { notBefore: Date; notAfter: Date } {
  switch (recipe.validity ?? 'valid') {
    case 'expired':
      return { notBefore: addDays(now, -730), notAfter: addDays(now, -1) };
    case 'notYetValid':
      return { notBefore: addDays(now, 30), notAfter: addDays(now, 395) };
    case 'valid':
      return { notBefore: new Date(now.getTime() - 3_600_000), notAfter: addDays(now, 365 * (recipe.years ?? 1)) };
  }
}

/** The key usage of a wrong-key-usage certificate: CA signing only, useless for TLS. */
export const WRONG_KEY_USAGE = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;
