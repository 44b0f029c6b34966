/** Use case C07 of the reference station: an ISO 15118 EV authorizes with its contract certificate (Plug & Charge), checked by the station itself or passed on to the CSMS, online and offline. */
import type { StationAction } from '../../drivers/actions';
import type { InstallCertificateUseEnumType, OCSPRequestDataType } from '../../ocpp/generated/definitions';
import { parseCertificates } from '../../pki/certificates';
import { certificateHashData } from '../../pki/hash-data';
import { chainProblem } from '../../pki/verify';
import { x509, type X509Certificate } from '../../pki/x509';
import { authorizerOf, type ContractData } from './authorization';
import { evModel, type EvseState, type IdToken } from './ev-model';
import type { StationFeature, StationRuntime } from './feature';
import { flagOf } from './meter';

/** Where the installed root certificates are kept (the certificate store of security.ts). */
export interface RootStore {
  trustedRoots(type: InstallCertificateUseEnumType): readonly string[];
}

/** The roots a contract chain may lead to: an MO root, or a V2G root for contracts issued under the V2G hierarchy. */
const CONTRACT_ROOTS: readonly InstallCertificateUseEnumType[] = ['MORootCertificate', 'V2GRootCertificate'];

/** AuthorizeRequest.iso15118CertificateHashData holds four entries at most. */
const MAX_HASH_DATA = 4;

/** The OCSP responder a certificate names (authority information access), or '' when it names none. */
const responderOf = (certificate: X509Certificate): string => certificate.getExtension(x509.AuthorityInfoAccessExtension)?.ocsp[0]?.value ?? '';

/**
 * Validates the EV's contract chain (PEM, contract certificate first, then its sub-CAs) against `rootsPem`. When it
 * leads to one of them, returns the OCSP request data of each certificate of the chain (C07.FR.02); otherwise undefined.
 */
async function validatedHashData(chainPem: string, rootsPem: readonly string[]): Promise<OCSPRequestDataType[] | undefined> {
  if (rootsPem.length === 0 || (await chainProblem(chainPem, rootsPem)) !== undefined) return undefined;
  const chain = parseCertificates(chainPem);
  const top = chain[chain.length - 1];
  const root = rootsPem.flatMap(parseCertificates).find((candidate) => candidate.subject === top.issuer) ?? top;
  return chain.slice(0, MAX_HASH_DATA).map((certificate, index) => ({ ...certificateHashData(certificate, chain[index + 1] ?? root), responderURL: responderOf(certificate) }));
}

/**
 * The Plug & Charge feature (driver action presentContractCertificate). With ISO15118Ctrlr.PnCEnabled the station
 * validates the contract chain against its MO / V2G roots. Online it asks the CSMS with an AuthorizeRequest for the
 * eMAID, carrying the hash data of a chain it validated (C07.FR.01/02) or, when it cannot validate and
 * CentralContractValidationAllowed is true, the chain itself (C07.FR.06). Offline it goes on only when
 * ContractValidationOffline is true and the chain is valid, and then decides from its local list, cache and
 * OfflineTxForUnknownIdEnabled (C07.FR.07-12). The decision itself is authorization.ts's; an accepted EV is
 * authorized on its EVSE for transactions.ts.
 */
export function iso15118Feature(station: StationRuntime, roots: RootStore): StationFeature {
  const model = evModel(station);
  const authorizer = authorizerOf(station);
  const enabled = (variable: string): boolean => flagOf(station, 'ISO15118Ctrlr', variable);

  /** What the AuthorizeRequest says about the contract, or why the station refuses the EV without asking anyone. */
  const contractData = async (chainPem: string): Promise<ContractData | string> => {
    const online = station.bootState === 'Accepted';
    const validatesOffline = enabled('ContractValidationOffline') ? !station.has('pnc.noOfflineValidation') : station.has('pnc.offlineIgnoresSetting');
    if (!online && !validatesOffline) return 'offline, and ContractValidationOffline does not allow validating contracts (C07.FR.07)';
    const hashData = await validatedHashData(chainPem, CONTRACT_ROOTS.flatMap((type) => roots.trustedRoots(type)));
    if (hashData) return station.has('pnc.noHashData') ? {} : { iso15118CertificateHashData: hashData };
    if (online && enabled('CentralContractValidationAllowed')) return station.has('pnc.noCentralCertificate') ? {} : { certificate: chainPem };
    return 'the contract chain leads to no installed root and the CSMS may not validate it';
  };

  const present = async (evse: EvseState, emaid: string, chainPem: string): Promise<void> => {
    if (!enabled('PnCEnabled')) return station.log(`eMAID ${emaid}: Plug & Charge is off (ISO15118Ctrlr.PnCEnabled), the contract is not used`);
    const data = await contractData(chainPem);
    if (typeof data === 'string') return station.log(`eMAID ${emaid}: refused (${data})`);
    const token: IdToken = { idToken: emaid, type: 'eMAID' };
    const outcome = await authorizer.authorize(token, data);
    station.log(`eMAID ${emaid}: ${outcome.accepted ? 'accepted' : 'refused'} (${outcome.source})`);
    if (!outcome.accepted && !station.has('pnc.chargesWhenRejected')) return;
    model.emit('authorized', { evse, authorization: { idToken: token, groupIdToken: outcome.info?.groupIdToken, via: 'local' } });
  };

  return {
    perform(action: StationAction) {
      if (action.kind !== 'presentContractCertificate') return false;
      const evse = model.evse(action.evseId);
      // The action ends when the EV has presented its contract; the CSMS's answer comes later, so it is not awaited.
      present(evse, action.emaid, action.certificateChainPem).catch((error: unknown) => station.log(`eMAID ${action.emaid}: ${(error as Error).message}`));
      return true;
    },
  };
}
