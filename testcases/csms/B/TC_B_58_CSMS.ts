/** TC_B_58_CSMS (errata 2025-04): the CSMS refuses a WebSocket upgrade that offers only an unknown OCPP version, and picks ocpp2.0.1 from a list that also holds one. */
import { defineTestCase } from '../../../src/engine/testcase';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { ConnectError } from '../../../src/transport/client';
import { OCPP_SUBPROTOCOL } from '../../../src/transport/security';

/** The unsupported OCPP version the harness offers. */
const UNSUPPORTED = 'ocpp0.1';

/** What the CSMS answered to one upgrade request offering `subprotocols`. */
interface UpgradeOutcome {
  readonly status: number | undefined;
  readonly subprotocol: string | undefined;
  readonly refused: ConnectError | undefined;
}

/** Drops the connection and connects again offering `subprotocols` in Sec-WebSocket-Protocol; records the CSMS's HTTP answer. */
async function upgradeOffering(ctx: CsmsCaseContext, subprotocols: readonly string[]): Promise<UpgradeOutcome> {
  let status: number | undefined;
  let subprotocol: string | undefined;
  const refused = await ctx.station.tryConnect({}, {
    subprotocols,
    onResponse: (code, headers) => {
      status = code;
      const header = headers['sec-websocket-protocol'];
      subprotocol = Array.isArray(header) ? header.join(', ') : header;
    },
  });
  return { status, subprotocol, refused };
}

export default defineTestCase({
  id: 'TC_B_58_CSMS',
  name: 'WebSocket Subprotocol validation',
  sut: 'CSMS',
  useCases: [],
  requirements: [],
  detects: ['websocket.firstSubprotocol'],
  notes:
    'Added by errata 2025-04 §6.2.21 (Part 4 §3.1.2). <SelectedOCPP version> is 2.0.1, the version this harness speaks. Step 2 holds when the ' +
    'CSMS does not agree to a subprotocol: it answers the upgrade with anything but HTTP 101, drops it unanswered, or (the way Part 4 §3.2 ' +
    'prescribes) completes the handshake with a 101 that carries no Sec-WebSocket-Protocol header and then closes. In that last case the ' +
    'harness drops the connection itself at once (no subprotocol was agreed), so whether the CSMS then closes is not observed. A 101 ' +
    'naming any subprotocol fails step 2. The errata calls the header of step 4 "the authorization ' +
    'header"; read as the Sec-WebSocket-Protocol header of the 101 answer, which must be exactly ocpp2.0.1. The connection is left without a ' +
    'BootNotification; the next case boots again.',
  async run(ctx) {
    const { check, step } = ctx;
    await step(`1-2. harness reconnects offering only ${UNSUPPORTED}, CSMS refuses the upgrade`, async () => {
      const outcome = await upgradeOffering(ctx, [UNSUPPORTED]);
      // Part 4 §3.2: a CSMS that agrees to none of the offered subprotocols may finish the handshake without naming one, then close.
      const upgradedWithoutSubprotocol = outcome.status === 101 && outcome.subprotocol === undefined;
      let actual = outcome.status === undefined ? `no answer (${outcome.refused?.message ?? 'connected'})` : `HTTP ${outcome.status}`;
      if (outcome.status === 101) actual += upgradedWithoutSubprotocol ? ' without Sec-WebSocket-Protocol' : ` with Sec-WebSocket-Protocol ${outcome.subprotocol}`;
      check.that(
        'CSMS answer to the upgrade request',
        outcome.refused !== undefined && (outcome.status !== 101 || upgradedWithoutSubprotocol),
        'no subprotocol agreed: an HTTP status other than 101, or a 101 without Sec-WebSocket-Protocol',
        actual,
      );
    });
    await step(`3-4. harness reconnects offering ${UNSUPPORTED},${OCPP_SUBPROTOCOL}, CSMS upgrades the connection`, async () => {
      const outcome = await upgradeOffering(ctx, [UNSUPPORTED, OCPP_SUBPROTOCOL]);
      check.equal('CSMS answer to the upgrade request (HTTP status)', outcome.status, 101);
      check.equal('Sec-WebSocket-Protocol header of the upgrade answer', outcome.subprotocol, OCPP_SUBPROTOCOL);
      check.that('connection opened', outcome.refused === undefined, 'open', outcome.refused?.message ?? 'open');
    });
  },
});
