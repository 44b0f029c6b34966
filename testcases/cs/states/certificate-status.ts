/** M06 states of the Charging Station cases: after a V2G certificate renewal the station asks for the OCSP status of the new chain, which the harness answers. */
import type { CsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppResponses } from '../../../src/ocpp/generated';
import { issuerHashes, ocspResponse, sameCertificate } from '../../../src/pki';
import { certificateInstalled, describeChain, installedCertificateIds } from './certificates';
import { endpointsOf, renewV2GChargingStationCertificate } from './security';

/**
 * The Before of TC_M_24_CS / TC_M_25_CS and steps 1-2 (errata 2025-09: repeated for the leaf and each sub-CA): the V2G
 * and MO roots installed, a V2G certificate renewal, then a GetCertificateStatusRequest for every certificate of the
 * new chain, each answered with `answer` (an OCSP response the harness signs for Accepted). The requests must name the
 * leaf and the sub-CAs the station then lists as its V2GCertificateChain.
 */
export async function certificateStatusRequested(ctx: CsCaseContext, answer: (call: IncomingCall<'GetCertificateStatus'>) => OcppResponses['GetCertificateStatus'] | Promise<OcppResponses['GetCertificateStatus']>): Promise<void> {
  const { step, check, csms, config } = ctx;
  await certificateInstalled(ctx, 'V2GRootCertificate', 'Before: Memory State CertificateInstalled for V2GRootCertificate');
  await certificateInstalled(ctx, 'MORootCertificate', 'Before: Memory State CertificateInstalled for MORootCertificate');
  const since = new Date();
  await renewV2GChargingStationCertificate(ctx, 'Before: Memory State RenewV2GChargingStationCertificate');
  const listed = await step('harness reads the new V2GCertificateChain (GetInstalledCertificateIdsRequest)', () => installedCertificateIds(ctx, ['V2GCertificateChain']));
  const chain = listed.certificateHashDataChain ?? [];
  const serials = chain.flatMap((e) => [e.certificateHashData, ...(e.childCertificateHashData ?? [])]).map((h) => h.serialNumber.toLowerCase());
  check.that('the station lists a V2GCertificateChain after the renewal', serials.length > 0, 'at least the leaf', describeChain(chain));
  const asked: string[] = [];
  let n = 1;
  while (serials.some((serial) => !asked.includes(serial))) {
    await step(`${n}-${n + 1}. station sends GetCertificateStatusRequest (leaf and sub-CAs in turn), harness answers`, async () => {
      const call = await csms.expect('GetCertificateStatus', { where: (c) => c.receivedAt >= since, timeoutMs: config.timeouts.messageMs, description: `GetCertificateStatusRequest for ${serials.filter((s) => !asked.includes(s)).join(', ')}` });
      const reply = await answer(call);
      if (!call.isAnswered) call.respond(reply);
      const serial = call.payload.ocspRequestData.serialNumber.toLowerCase();
      check.oneOf('GetCertificateStatusRequest.ocspRequestData.serialNumber (a certificate of the new V2G chain)', serial, serials);
      asked.push(serial);
    });
    n += 2;
  }
}

/** An OCSP answer for a certificate of the run's V2G hierarchy: good, signed by its issuer (found by the CertID's hashes); Failed for any other. */
export async function v2gOcspAnswer(ctx: CsCaseContext, call: IncomingCall<'GetCertificateStatus'>): Promise<OcppResponses['GetCertificateStatus']> {
  const request = call.payload.ocspRequestData;
  const material = endpointsOf(ctx).material;
  for (const name of ['v2g-sub-ca-2', 'v2g-sub-ca-1', 'v2g-root-ca'] as const) {
    const issuer = await material.credential(name, 'ec');
    if (!sameCertificate({ ...issuerHashes(issuer.certificatePem, request.hashAlgorithm), serialNumber: request.serialNumber }, request)) continue;
    return { status: 'Accepted', ocspResult: ocspResponse({ certId: request, certStatus: { status: 'good' }, responder: issuer, validForSeconds: 3600 }).toString('base64') };
  }
  return { status: 'Failed' };
}
