/** TC_B_53_CS: the FullInventory report holds every required component-variable, with valuesLists, allowed values, and values only where readable. */
import { defineTestCase } from '../../../src/engine/testcase';
import { checkRequiredReported, checkValuesListPresent, listOf, mutabilityOf, reportKey, requestedReport, requiredKeys } from '../states';
import type { ReportDataType } from '../../../src/ocpp/generated/definitions';

/** Whether the Actual-or-other attribute values of a list-typed entry use only members of its valuesList. */
function valueAllowed(entry: ReportDataType): boolean {
  const characteristics = entry.variableCharacteristics;
  if (!characteristics || !['OptionList', 'SequenceList', 'MemberList'].includes(characteristics.dataType)) return true;
  const allowed = new Set(listOf(characteristics.valuesList));
  return entry.variableAttribute.every((attribute) => {
    if (attribute.value === undefined || attribute.value === '') return true;
    const members = characteristics.dataType === 'OptionList' ? [attribute.value.trim()] : listOf(attribute.value);
    return members.every((member) => allowed.has(member));
  });
}

/** EVSE.Power is the one readable standard variable whose value may be left out (errata 2025-09: only its maxLimit is required). */
const mayOmitValue = (entry: ReportDataType): boolean => entry.component.name === 'EVSE' && entry.variable.name === 'Power';

export default defineTestCase({
  id: 'TC_B_53_CS',
  name: 'Get Base Report - Test mandatory DM variables via FullInventory',
  sut: 'CS',
  useCases: ['B07'],
  requirements: ['B07.FR.08', 'B07.FR.10', 'B07.FR.11'],
  detects: ['reports.wrongSeqNo', 'reports.missingMandatory'],
  notes:
    'Follows errata 2025-09 (6.2.19): readable variables must carry a value (EVSE.Power excepted), WriteOnly ones must not. Required ' +
    'component-variables are chosen as in TC_B_13_CS (Part 2 device model appendix, the configured EVSEs and connectors, core controllers ' +
    'and every controller reported). An empty value ("" of an unset attribute, B07.FR.11) counts as present and is not checked against the valuesList; ' +
    'for SequenceList and MemberList each member of the value must be in the valuesList.',
  async run(ctx) {
    const entries = await requestedReport(ctx, { request: '1-2. harness asks for a FullInventory base report', notify: '3-4. station sends NotifyReportRequest until tbc is false' }, { kind: 'GetBaseReport', reportBase: 'FullInventory' });
    await ctx.step('Post scenario: required variables present, list types complete, values allowed, WriteOnly values omitted and others present', () => {
      const { check } = ctx;
      checkRequiredReported(ctx, entries, requiredKeys(ctx.config, entries));
      checkValuesListPresent(ctx, entries);
      const notAllowed = entries.filter((e) => !valueAllowed(e)).map(reportKey);
      check.that('list-typed values outside their valuesList', notAllowed.length === 0, 'none', notAllowed.join(', ') || 'none');
      const writeOnlyWithValue = entries.filter((e) => mutabilityOf(e) === 'WriteOnly' && e.variableAttribute.some((a) => a.value !== undefined)).map(reportKey);
      check.that('WriteOnly variables reported with a value', writeOnlyWithValue.length === 0, 'none', writeOnlyWithValue.join(', ') || 'none');
      const readableWithoutValue = entries.filter((e) => mutabilityOf(e) !== 'WriteOnly' && !mayOmitValue(e) && e.variableAttribute.some((a) => a.value === undefined)).map(reportKey);
      check.that('readable variables reported without a value', readableWithoutValue.length === 0, 'none', readableWithoutValue.join(', ') || 'none');
    });
  },
});
