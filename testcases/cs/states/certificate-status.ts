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
  // The requests come while the renewal is still going on: answered the moment they arrive, and kept for the steps below.
  const asked: IncomingCall<'GetCertificateStatus'>[] = [];
  let wake: (() => void) | undefined;
  const release = csms.answerWith((call) => {
    if (call.action !== 'GetCertificateStatus') return false;
    const request = call as IncomingCall<'GetCertificateStatus'>;
    asked.push(request);
    void Promise.resolve(answer(request)).then((reply) => {
      if (!request.isAnswered && request.connection.isOpen) request.respond(reply);
    });
    wake?.();
    return true;
  });
  try {
    await renewV2GChargingStationCertificate(ctx, 'Before: Memory State RenewV2GChargingStationCertificate');
    const listed = await step('harness reads the new V2GCertificateChain (GetInstalledCertificateIdsRequest)', () => installedCertificateIds(ctx, ['V2GCertificateChain']));
    const chain = listed.certificateHashDataChain ?? [];
    const serials = chain.flatMap((e) => [e.certificateHashData, ...(e.childCertificateHashData ?? [])]).map((h) => h.serialNumber.toLowerCase());
    check.that('the station lists a V2GCertificateChain after the renewal', serials.length > 0, 'at least the leaf', describeChain(chain));
    const askedSerials = () => asked.map((c) => c.payload.ocspRequestData.serialNumber.toLowerCase());
    await step(`1-${serials.length * 2}. station sends a GetCertificateStatusRequest for the leaf and for each sub-CA, harness answers each`, async () => {
      const deadline = Date.now() + config.timeouts.messageMs;
      while (serials.some((serial) => !askedSerials().includes(serial)) && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, deadline - Date.now());
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      for (const serial of serials) check.that(`GetCertificateStatusRequest for serial ${serial}`, askedSerials().includes(serial), 'a request naming it', askedSerials().join(', ') || 'no request');
      for (const serial of askedSerials()) check.oneOf('GetCertificateStatusRequest.ocspRequestData.serialNumber (a certificate of the new V2G chain)', serial, serials);
    });
  } finally {
    release();
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
