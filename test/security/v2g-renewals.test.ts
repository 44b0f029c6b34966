// How RenewV2GChargingStationCertificate reads a device-model report: which ISO15118Ctrlr components exist and which SECCs get a renewal (paths the one-SECC reference station does not take).
import type { ReportDataType } from '../../src/ocpp/generated/definitions';
import { seccControllers, v2gRenewals } from '../../testcases/cs/states/security';

const entry = (variable: string, value: string, evseId?: number, mutability: 'ReadOnly' | 'ReadWrite' = 'ReadWrite'): ReportDataType => ({
  component: { name: 'ISO15118Ctrlr', ...(evseId === undefined ? {} : { evse: { id: evseId } }) },
  variable: { name: variable },
  variableAttribute: [{ type: 'Actual', value, mutability }],
});

test('one renewal per distinct SeccId, naming the EVSE of its ISO15118Ctrlr', () => {
  const report = [entry('SeccId', 'SECC-A', 1), entry('CountryName', 'DE', 1), entry('SeccId', 'SECC-A', 2), entry('SeccId', 'SECC-B', 3), { ...entry('Enabled', 'true'), component: { name: 'OCPPCommCtrlr' } }];
  const controllers = seccControllers(report);
  expect(controllers.map((c) => c.component)).toEqual([1, 2, 3].map((id) => ({ name: 'ISO15118Ctrlr', evse: { id } })));
  expect(controllers[0].variables.get('CountryName')).toEqual({ value: 'DE', mutability: 'ReadWrite' });
  expect(v2gRenewals(controllers)).toEqual([
    { seccId: 'SECC-A', evseId: 1 },
    { seccId: 'SECC-B', evseId: 3 },
  ]);
});

test('a SeccId a top-level ISO15118Ctrlr reports needs no EVSE', () => {
  expect(v2gRenewals(seccControllers([entry('SeccId', 'SECC-A', 2), entry('SeccId', 'SECC-A')]))).toEqual([{ seccId: 'SECC-A' }]);
});

test('without a SeccId (none reported, or empty) there is one renewal that names no EVSE', () => {
  expect(v2gRenewals(seccControllers([]))).toEqual([{}]);
  expect(v2gRenewals(seccControllers([entry('SeccId', ''), entry('OrganizationName', 'X', undefined, 'ReadOnly')]))).toEqual([{}]);
});
