/** The actions a Charging Station case can ask of the station side (Part 6 manual actions), and how an operator is told to do them. */

/** An idToken as a case presents it (the configured tokens of the run config have this shape). */
export interface PresentedIdToken {
  readonly idToken: string;
  readonly type: string;
}

/**
 * Which end of the charging cable an action concerns: `both` (EV and station, the usual plug-in / unplug), `ev` (only the
 * EV side: the EVSE loses or regains the EV, the cable stays in the station) or `station` (only the station's socket).
 */
export type CableSide = 'both' | 'ev' | 'station';

/** A connector of an EVSE. */
export interface ConnectorRef {
  readonly evseId: number;
  readonly connectorId: number;
}

/**
 * Something done to a Charging Station under test (station-driver-actions.md):
 * - `reboot`: power cycle;
 * - `plugIn` / `unplug`: connect or disconnect the EV and EVSE, at both ends or one (`side`);
 * - `presentIdToken`: present a token (RFID card, key code, …) at the station, optionally at one EVSE;
 * - `parkingBayOccupied` / `parkingBayVacated`: drive the EV into / out of the bay of an EVSE (bay sensor);
 * - `evSuspend` / `evResume` / `evNotReady`: the EV pauses the energy transfer, resumes it, or is not ready to take energy;
 * - `evEndsSession`: an ISO 15118 EV ends the charging session (SessionStopReq with ChargingSession Terminate);
 * - `goOffline` / `goOnline`: the station loses / regains its network connection while staying powered;
 * - `raiseFault` / `clearFault`: put a connector into Faulted and back;
 * - `lockFails` / `lockWorks`: make the plug retention lock of a connector fail to lock (a plug not fully inserted), and work again (G05);
 * - `localStopSelection`: at the station's master-pass interface, choose to stop every transaction or the one on an EVSE;
 * - `presentContractCertificate`: the EV connected to an EVSE authorizes with ISO 15118 Plug & Charge, presenting a contract certificate chain.
 * - `evRequestsContractCertificate`: the EV connected to an EVSE asks for a contract certificate (Install) or an update of its own (Update), over ISO 15118.
 * - `storeCustomerIdentifier`: enter data about a customer, under a customer identifier, at the station itself (N10).
 * - `hardwiredNotification`: make the station raise a notification built into its firmware (N07, TC_N_21_CS).
 * - `confirmCostShown`: the station side confirms its display shows the driver on an EVSE this running or final total cost (I02, I03); the reference answers from what it shows.
 * - `evRenegotiates`: the ISO 15118 EV on an EVSE sends new charging needs, asking to renegotiate its schedule (K17).
 * - `externalChargingLimit`: an external system (an EMS) imposes a limit of `amps` A per phase on the whole station, or (`amps` absent) lifts it (K12, K13).
 */
export type StationAction =
  | { readonly kind: 'reboot' }
  | ({ readonly kind: 'plugIn' | 'unplug'; readonly side: CableSide } & ConnectorRef)
  | { readonly kind: 'presentIdToken'; readonly idToken: PresentedIdToken; readonly evseId?: number }
  | { readonly kind: 'parkingBayOccupied' | 'parkingBayVacated' | 'evSuspend' | 'evResume' | 'evNotReady' | 'evEndsSession'; readonly evseId: number }
  | { readonly kind: 'goOffline' | 'goOnline' }
  | ({ readonly kind: 'raiseFault' | 'clearFault' } & ConnectorRef)
  | ({ readonly kind: 'lockFails' | 'lockWorks' } & ConnectorRef)
  | { readonly kind: 'localStopSelection'; readonly evseId?: number }
  // C07: the EV on an EVSE authorizes with ISO 15118 Plug & Charge; the chain is PEM, contract certificate first, then its sub-CAs.
  | { readonly kind: 'presentContractCertificate'; readonly evseId: number; readonly emaid: string; readonly certificateChainPem: string }
  // M01 / M02 (issue 15): the EV on an EVSE asks, over ISO 15118, for a new contract certificate or an update of its own.
  | { readonly kind: 'evRequestsContractCertificate'; readonly evseId: number; readonly action: 'Install' | 'Update' }
  // Block A (issue 4): set up the security profile (and the certificates it needs) locally, as an installer does; remove a certificate by means other than OCPP.
  | { readonly kind: 'configureSecurityProfile'; readonly securityProfile: 1 | 2 | 3; readonly csmsUrl: string }
  | { readonly kind: 'removeCertificate'; readonly certificateType: 'CSMSRootCertificate' | 'ChargingStationCertificate' }
  // Block N (issue 16): customer data entered at the station itself (N10), and a hardwired alert (N07).
  | { readonly kind: 'storeCustomerIdentifier'; readonly customerIdentifier: string }
  | { readonly kind: 'hardwiredNotification' }
  // Block I: what the display shows the driver (an operator looks at it; the reference answers from its display state).
  | { readonly kind: 'confirmCostShown'; readonly evseId: number; readonly totalCost: number; readonly final: boolean }
  // Block K: an external system limits the station's charging (K12) or lifts its limit (K13).
  | { readonly kind: 'externalChargingLimit'; readonly amps?: number }
  | { readonly kind: 'evRenegotiates'; readonly evseId: number };

/** Every station action kind (a Record, so the compiler insists each kind of the union is listed). */
export const STATION_ACTION_KINDS: Readonly<Record<StationAction['kind'], true>> = {
  reboot: true,
  plugIn: true,
  unplug: true,
  presentIdToken: true,
  parkingBayOccupied: true,
  parkingBayVacated: true,
  evSuspend: true,
  evResume: true,
  evNotReady: true,
  evEndsSession: true,
  goOffline: true,
  goOnline: true,
  raiseFault: true,
  clearFault: true,
  lockFails: true,
  lockWorks: true,
  localStopSelection: true,
  presentContractCertificate: true,
  evRequestsContractCertificate: true,
  configureSecurityProfile: true,
  removeCertificate: true,
  storeCustomerIdentifier: true,
  hardwiredNotification: true,
  confirmCostShown: true,
  externalChargingLimit: true,
  evRenegotiates: true,
};

/** What each security profile needs installed on the station, for the operator's instruction. */
const SECURITY_PROFILE_NEEDS: Readonly<Record<1 | 2 | 3, string>> = {
  1: ' (Basic authentication over ws://)',
  2: ' (TLS with Basic authentication; the CSMS root certificate from `ocpp-ct certs init` installed as CSMSRootCertificate)',
  3: ' (TLS with its client certificate, CN = station id, signed by the CSMS root CA of `ocpp-ct certs init`; that root installed as CSMSRootCertificate)',
};

const at = ({ evseId, connectorId }: ConnectorRef): string => `connector ${connectorId} of EVSE ${evseId}`;

const PLUG_IN: Readonly<Record<CableSide, (where: string) => string>> = {
  both: (where) => `Connect the EV to ${where} (plug the cable in at both the EV and the station).`,
  ev: (where) => `Plug the cable of ${where} back into the EV only (the station side stays connected).`,
  station: (where) => `Plug the cable into the station socket of ${where} only (the EV side stays connected).`,
};

const UNPLUG: Readonly<Record<CableSide, (where: string) => string>> = {
  both: (where) => `Disconnect the EV from ${where} (unplug the cable at both the EV and the station).`,
  ev: (where) => `Unplug the cable of ${where} at the EV side only, so that the EVSE loses the EV; leave it in the station socket.`,
  station: (where) => `Unplug the cable of ${where} from the station socket (the EV side is already disconnected).`,
};

/** The operator's instruction for a station action, in plain words. */
export function describeStationAction(action: StationAction): string {
  switch (action.kind) {
    case 'reboot':
      return 'Reboot the Charging Station (power cycle it), so that it connects again and sends a BootNotification.';
    case 'plugIn':
      return PLUG_IN[action.side](at(action));
    case 'unplug':
      return UNPLUG[action.side](at(action));
    case 'presentIdToken':
      return `Present the idToken '${action.idToken.idToken}' (${action.idToken.type})${action.evseId === undefined ? '' : ` on EVSE ${action.evseId}`}.`;
    case 'parkingBayOccupied':
      return `Drive the EV into the parking bay of EVSE ${action.evseId}.`;
    case 'parkingBayVacated':
      return `Drive the EV out of the parking bay of EVSE ${action.evseId}.`;
    case 'evSuspend':
      return `Make the EV on EVSE ${action.evseId} suspend the energy transfer (it stays connected).`;
    case 'evResume':
      return `Make the EV on EVSE ${action.evseId} ready to take energy again.`;
    case 'evNotReady':
      return `Set the EV for EVSE ${action.evseId} to a state in which it is not ready to take energy.`;
    case 'evEndsSession':
      return `Make the ISO 15118 EV on EVSE ${action.evseId} end the charging session (SessionStopReq with ChargingSession Terminate).`;
    case 'goOffline':
      return 'Cut the network connection of the Charging Station (keep it powered) until told to restore it.';
    case 'goOnline':
      return 'Restore the network connection of the Charging Station.';
    case 'lockFails':
      return `Make the cable of ${at(action)} unable to lock: insert the plug only partly, so the plug retention lock fails when charging is to start.`;
    case 'lockWorks':
      return `Make the plug retention lock of ${at(action)} work again (insert the plug fully, or clear the simulated lock failure).`;
    case 'raiseFault':
      return `Put ${at(action)} into a fault condition, so that it reports Faulted.`;
    case 'clearFault':
      return `Clear the fault of ${at(action)}, so that it is available again.`;
    case 'localStopSelection':
      return action.evseId === undefined
        ? 'At the station interface, choose to stop every ongoing transaction.'
        : `At the station interface, choose to stop the transaction on EVSE ${action.evseId}.`;
    case 'presentContractCertificate':
      return `Make the EV connected to EVSE ${action.evseId} authorize with ISO 15118 Plug & Charge, using the contract certificate with eMAID ${action.emaid} (chain and key: ec/contract.chain.pem and ec/contract.key.pem of the run's certificate folder, security.pkiDir, as \`ocpp-ct certs init\` writes it).`;
    case 'configureSecurityProfile':
      return `Configure the Charging Station to connect to ${action.csmsUrl}/<station id> with security profile ${action.securityProfile}${SECURITY_PROFILE_NEEDS[action.securityProfile]}, then let it connect.`;
    case 'removeCertificate':
      return `Remove the ${action.certificateType} from the Charging Station by means other than OCPP (so that it holds none).`;
    case 'hardwiredNotification':
      return 'Make the Charging Station raise one of its hard-wired notifications (one built into its firmware, e.g. open its enclosure or trip a sensor), so that it sends NotifyEventRequest with eventNotificationType HardWiredNotification.';
    case 'evRequestsContractCertificate':
      return `Make the EV connected to EVSE ${action.evseId} ask the station over ISO 15118 for ${action.action === 'Install' ? 'a new contract certificate (CertificateInstallationReq)' : 'an update of its contract certificate (CertificateUpdateReq)'}.`;
    case 'confirmCostShown':
      return `Look at the display of the Charging Station for EVSE ${action.evseId}: check that it shows the driver ${action.final ? 'the final total cost' : 'a running total cost'} of ${action.totalCost.toFixed(2)} (in the station's currency). Answer done only when it does; answer cannot when it shows another amount or none.`;
    case 'evRenegotiates':
      return `Make the ISO 15118 EV on EVSE ${action.evseId} renegotiate its charging limits (it sends new charging needs to the station).`;
    case 'externalChargingLimit':
      return action.amps === undefined
        ? 'Make the external system (EMS) that limits the Charging Station lift its charging limit.'
        : `Make an external system (an EMS, through the station's external control input) limit the charging of the whole Charging Station to ${action.amps} A per phase.`;
    case 'storeCustomerIdentifier':
      return `Store customer data under the customer identifier '${action.customerIdentifier}' at the Charging Station (through its local interface or service tool), so that it holds information about that customer.`;
  }
}
