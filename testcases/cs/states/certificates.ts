/** Block M states of the Charging Station cases: Memory State CertificateInstalled, Reusable State GetInstalledCertificates, and the certificates of each type the harness installs. */
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { OcppResponses } from '../../../src/ocpp/generated';
import type { CertificateHashDataChainType, CertificateHashDataType, GetCertificateIdUseEnumType, InstallCertificateUseEnumType } from '../../../src/ocpp/generated/definitions';
import { certificateHashData, sameCertificate, type CredentialName } from '../../../src/pki';
import { endpointsOf } from './security';

/** The harness certificate of each root type (<Configured … certificate>): the CSMS root 2, the manufacturer, V2G and MO roots of the run's PKI. */
const CONFIGURED_ROOT: Readonly<Record<InstallCertificateUseEnumType, CredentialName>> = {
  CSMSRootCertificate: 'csms-root-ca-2',
  ManufacturerRootCertificate: 'manufacturer-root-ca',
  V2GRootCertificate: 'v2g-root-ca',
  MORootCertificate: 'mo-root-ca',
};

/** The PEM of the configured certificate of `type` (ISO 15118 roots are EC only; the others follow security.keyAlgorithm). */
export async function configuredRoot(ctx: CsCaseContext, type: InstallCertificateUseEnumType): Promise<string> {
  const algorithm = type === 'V2GRootCertificate' || type === 'MORootCertificate' ? 'ec' : ctx.config.security.keyAlgorithm;
  return (await endpointsOf(ctx).material.credential(CONFIGURED_ROOT[type], algorithm)).certificatePem;
}

/** CertificateHashData of a self-signed certificate, with the hash algorithm `like` uses (the station chooses it). */
export function hashOfRoot(pem: string, like?: Pick<CertificateHashDataType, 'hashAlgorithm'>): CertificateHashDataType {
  return certificateHashData(pem, pem, like?.hashAlgorithm ?? 'SHA256');
}

/** True when `entry` names the root certificate `pem`. */
export const entryIsRoot = (entry: CertificateHashDataChainType, pem: string): boolean => sameCertificate(entry.certificateHashData, hashOfRoot(pem, entry.certificateHashData));

/** Memory State CertificateInstalled: InstallCertificateRequest of `type` with `pem` (the configured one by default), which the station must accept. */
export function certificateInstalled(ctx: CsCaseContext, type: InstallCertificateUseEnumType, title = `Memory State CertificateInstalled for ${type}`, pem?: string): Promise<string> {
  return ctx.step(title, async () => {
    const certificate = pem ?? (await configuredRoot(ctx, type));
    const response = await ctx.csms.call('InstallCertificate', { certificateType: type, certificate });
    ctx.check.equal('InstallCertificateResponse.status', response.status, 'Accepted');
    return certificate;
  });
}

/** Sends GetInstalledCertificateIdsRequest for `types` (omitted when empty) and returns the answer. */
export function installedCertificateIds(ctx: CsCaseContext, types: readonly GetCertificateIdUseEnumType[]): Promise<OcppResponses['GetInstalledCertificateIds']> {
  return ctx.csms.call('GetInstalledCertificateIds', types.length ? { certificateType: [...types] } : {});
}

/**
 * Reusable State GetInstalledCertificates: the station answers Accepted, and for each of `expected` (type and PEM) the
 * chain holds an entry of that type naming that certificate. Returns the answer.
 */
export function getInstalledCertificates(ctx: CsCaseContext, types: readonly GetCertificateIdUseEnumType[], expected: readonly { type: GetCertificateIdUseEnumType; pem: string }[], title = `Reusable State GetInstalledCertificates for ${types.length ? types.join(' and ') : 'every certificateType'}`): Promise<OcppResponses['GetInstalledCertificateIds']> {
  return ctx.step(title, async () => {
    const response = await installedCertificateIds(ctx, types);
    ctx.check.equal('GetInstalledCertificateIdsResponse.status', response.status, 'Accepted');
    const chain = response.certificateHashDataChain ?? [];
    for (const { type, pem } of expected) {
      const found = chain.some((entry) => entry.certificateType === type && entryIsRoot(entry, pem));
      ctx.check.that(`certificateHashDataChain holds the ${type} the harness installed`, found, `an entry of type ${type} with serialNumber ${hashOfRoot(pem).serialNumber}`, describeChain(chain));
    }
    return response;
  });
}

/** The entries of a chain as type and serial, for a failure reason. */
export const describeChain = (chain: readonly CertificateHashDataChainType[]): string => (chain.length ? chain.map((e) => `${e.certificateType} ${e.certificateHashData.serialNumber}`).join(', ') : 'no entries');
