// A case written for hardware the default reference lacks runs against a reference variant that has it, and says so.
import { loadCases } from '../../src/engine/catalog';
import { REFERENCE_PRESET, resolveConfig } from '../../src/engine/config';
import { defineTestCase } from '../../src/engine/testcase';
import { referenceVariantFor } from '../../src/reference/variants';

const config = resolveConfig(REFERENCE_PRESET);
const byId = (id: string) => {
  const found = loadCases('CS').find((c) => c.id === id);
  if (!found) throw new Error(`${id} is not implemented`);
  return found;
};

describe('referenceVariantFor', () => {
  test('a case that applies to the default reference needs no variant', () => {
    expect(referenceVariantFor(byId('TC_C_47_CS'), config)).toBeUndefined();
  });

  test('TC_C_49_CS (no master pass UI) gets the variant without one, laid over the run config', () => {
    const varied = referenceVariantFor(byId('TC_C_49_CS'), config);
    expect(varied?.variant.name).toMatch(/master pass UI/);
    expect(varied?.config.configured.masterPassUi).toBe(false);
    expect(varied?.config.timeouts).toEqual(config.timeouts);
  });

  test('a case that applies under no variant stays not applicable', () => {
    const never = defineTestCase({ id: 'TC_P_99_CS', name: 'n/a', sut: 'CS', useCases: [], requirements: [], detects: [], applicable: () => 'never', run: async () => undefined });
    expect(referenceVariantFor(never, config)).toBeUndefined();
  });
});
