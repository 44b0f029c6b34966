/** Block L states of the CSMS cases: the firmware the harness asks the CSMS to install or publish, the requests the CSMS sends, the status notifications the harness station sends back, and the reboot for an installation. */
import { createHash } from 'node:crypto';
import type { CsmsCaseContext } from '../../../src/engine/testcase';
import type { IncomingCall } from '../../../src/ocpp/connection';
import type { OcppRequests } from '../../../src/ocpp/generated';
import type { FirmwareStatusEnumType, PublishFirmwareStatusEnumType, UpdateFirmwareStatusEnumType } from '../../../src/ocpp/generated/definitions';
import { makeSignedFirmware } from '../../../src/pki/firmware';
import { reportConnectorsAvailable } from './booted';
import { csmsSendsAfter } from './operator';
import { materialOf } from './security';

/** The firmware the CSMS is set up with (<Configured firmware_location>, <Configured signingCertificate>, <Configured signature>). */
export interface ConfiguredFirmware {
  readonly location: string;
  readonly signingCertificate: string;
  readonly signature: string;
}

/**
 * The firmware of the CSMS cases: configured.firmware's when it names one, else an image the harness signs under the
 * run's manufacturer root. The harness station only reports on it, it never fetches it, so its location need not exist.
 */
export async function configuredFirmware(ctx: CsmsCaseContext): Promise<ConfiguredFirmware> {
  const settings = ctx.config.configured.firmware;
  if (settings.location && settings.signingCertificate && settings.signature) return { location: settings.location, signingCertificate: settings.signingCertificate, signature: settings.signature };
  const good = (await makeSignedFirmware(materialOf(ctx).pki, ctx.config.security.keyAlgorithm)).good;
  return { location: `${settings.scheme}://${settings.publicHost ?? settings.host}/firmware/${good.version}.bin`, signingCertificate: good.signingCertificate, signature: good.signature };
}

/**
 * Steps 1-2 of the firmware cases: the CSMS is asked (operator, webhook or reference) to update the firmware, the
 * harness station answers its UpdateFirmwareRequest with `answer`. Returns the request.
 */
export function firmwareUpdateRequested(ctx: CsmsCaseContext, title: string, firmware: ConfiguredFirmware, schedule: { retrieve: 'now' | 'later'; install: 'now' | 'later' }, answer: UpdateFirmwareStatusEnumType): Promise<OcppRequests['UpdateFirmware']> {
  return ctx.step(title, async () => {
    const call: IncomingCall<'UpdateFirmware'> = await csmsSendsAfter(ctx, { kind: 'updateFirmware', stationId: ctx.config.station.id, ...firmware, ...schedule }, 'UpdateFirmware', (c) => c.respond({ status: answer }));
    return call.payload;
  });
}

/** Step 1 validation of TC_L_01_CSMS: the request carries the configured signing certificate and signature (L01.FR.11). */
export function checkSignedRequest(ctx: CsmsCaseContext, request: OcppRequests['UpdateFirmware'], firmware: ConfiguredFirmware): void {
  const pem = (text: string | undefined) => text?.replace(/\r\n/g, '\n').trim();
  ctx.check.that('UpdateFirmwareRequest.firmware.signingCertificate', pem(request.firmware.signingCertificate) === pem(firmware.signingCertificate), 'the configured signingCertificate', request.firmware.signingCertificate === undefined ? '(omitted)' : 'another certificate');
  ctx.check.equal('UpdateFirmwareRequest.firmware.signature', request.firmware.signature, firmware.signature);
}

/**
 * A Part 6 wait: until the dateTime the CSMS set (retrieveDateTime or installDateTime) has come, answering the CSMS meanwhile;
 * at most timeouts.operatorMs, so a CSMS that schedules days ahead does not hold the run.
 */
export async function untilScheduled(ctx: CsmsCaseContext, dateTime: string | undefined): Promise<void> {
  const ms = dateTime === undefined ? 0 : Math.min(Date.parse(dateTime) - Date.now(), ctx.config.timeouts.operatorMs);
  if (ms > 0) await ctx.station.serveFor(ms);
}

/**
 * The harness station reports `statuses` in turn for `requestId` (FirmwareStatusNotificationRequest), from Part 6 step
 * `first` on, two steps each; the CSMS must answer each. Returns the next step number.
 */
export async function firmwareStatuses(ctx: CsmsCaseContext, requestId: number, first: number, statuses: readonly FirmwareStatusEnumType[]): Promise<number> {
  let n = first;
  for (const status of statuses) {
    await ctx.step(`${n}-${n + 1}. harness sends FirmwareStatusNotificationRequest ${status}, CSMS answers`, () => ctx.station.call('FirmwareStatusNotification', { status, requestId }));
    n += 2;
  }
  return n;
}

/** The harness station raises a security event, which the CSMS must answer (steps `n`-`n+1`). */
export function securityEventSent(ctx: CsmsCaseContext, n: number, type: string): Promise<unknown> {
  return ctx.step(`${n}-${n + 1}. harness sends SecurityEventNotificationRequest ${type}, CSMS answers`, () => ctx.station.call('SecurityEventNotification', { type, timestamp: new Date().toISOString() }));
}

/** The reboot of an installation: the harness station goes away, boots with reason FirmwareUpdate (the CSMS must accept it) and reports its connectors. Returns the next step number. */
export async function rebootedForFirmware(ctx: CsmsCaseContext, n: number): Promise<number> {
  const { step, station, check } = ctx;
  await step(`${n}-${n + 1}. harness reboots and sends BootNotificationRequest (FirmwareUpdate)`, async () => {
    await station.goDownForRestart();
    await station.connect();
    const response = await station.boot('FirmwareUpdate');
    check.equal('BootNotificationResponse.status', response.status, 'Accepted');
  });
  await reportConnectorsAvailable(ctx, `${n + 2}-${n + 3}. harness reports every connector as Available`);
  return n + 4;
}

/** The MD5 checksum PublishFirmwareRequest carries for the configured firmware (L03: the Local Controller checks the image against it). */
export const firmwareChecksum = (firmware: ConfiguredFirmware): string => createHash('md5').update(firmware.location).update(firmware.signature).digest('hex');

/**
 * Steps 1-2 of the publish cases: the CSMS is asked to publish the configured firmware on the harness station (a Local
 * Controller); its PublishFirmwareRequest must name the configured location (step 1 validation); the harness answers `answer`.
 */
export function firmwarePublishRequested(ctx: CsmsCaseContext, firmware: ConfiguredFirmware, answer: 'Accepted' | 'Rejected'): Promise<OcppRequests['PublishFirmware']> {
  return ctx.step(`1-2. CSMS sends PublishFirmwareRequest, harness answers ${answer}`, async () => {
    const call = await csmsSendsAfter(ctx, { kind: 'publishFirmware', stationId: ctx.config.station.id, location: firmware.location, checksum: firmwareChecksum(firmware) }, 'PublishFirmware', (c) => c.respond({ status: answer }));
    ctx.check.equal('PublishFirmwareRequest.location', call.payload.location, firmware.location);
    return call.payload;
  });
}

/** The harness, as Local Controller, reports `statuses` in turn (PublishFirmwareStatusNotificationRequest) from step `first` on; Published carries the location it serves the image at. */
export async function publishStatuses(ctx: CsmsCaseContext, requestId: number, first: number, statuses: readonly PublishFirmwareStatusEnumType[], servedAt: string): Promise<void> {
  let n = first;
  for (const status of statuses) {
    await ctx.step(`${n}-${n + 1}. harness sends PublishFirmwareStatusNotificationRequest ${status}, CSMS answers`, () => ctx.station.call('PublishFirmwareStatusNotification', { status, requestId, ...(status === 'Published' ? { location: [servedAt] } : {}) }));
    n += 2;
  }
}

/** TC_L_21-23_CSMS: the CSMS is asked to stop publishing the configured firmware; the harness answers `answer`; the request must carry the checksum it was published with. */
export function firmwareUnpublishRequested(ctx: CsmsCaseContext, firmware: ConfiguredFirmware, answer: 'Unpublished' | 'NoFirmware' | 'DownloadOngoing'): Promise<void> {
  return ctx.step(`1-2. CSMS sends UnpublishFirmwareRequest, harness answers ${answer}`, async () => {
    const checksum = firmwareChecksum(firmware);
    const call = await csmsSendsAfter(ctx, { kind: 'unpublishFirmware', stationId: ctx.config.station.id, checksum }, 'UnpublishFirmware', (c) => c.respond({ status: answer }));
    ctx.check.equal('UnpublishFirmwareRequest.checksum', call.payload.checksum, checksum);
  });
}
