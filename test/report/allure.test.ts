// Checks allure-results: one result per case with the right status, labels, nested steps and attachments.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { StepResult, TestResult } from 'allure-js-commons';
import { allureResultsDir, createAllureReporter } from '../../src/report/allure';
import { sampleRun, tempOutDir } from './fixture';

/** The label values of a result with a given name. */
function labelValues(result: TestResult, name: string): string[] {
  return result.labels.filter((l) => l.name === name).map((l) => l.value);
}

describe('allure reporter', () => {
  let outDir: string;
  let dir: string;
  let results: Map<string, TestResult>;
  let written: readonly string[];

  /** The text of an attachment file. */
  const attachment = (source: string): Promise<string> => readFile(join(dir, source), 'utf8');

  beforeAll(async () => {
    outDir = await tempOutDir();
    dir = allureResultsDir(outDir);
    written = (await createAllureReporter(outDir).onRunEnd?.(sampleRun(outDir))) ?? [];
    const files = (await readdir(dir)).filter((f) => f.endsWith('-result.json'));
    const parsed = await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as TestResult));
    results = new Map(parsed.map((r) => [r.fullName ?? '', r]));
  });
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('writes one result per case with name, fullName, status and reason', () => {
    expect([...results.keys()].sort()).toEqual(['TC_B_01_CS', 'TC_B_02_CS', 'TC_B_03_CS', 'TC_C_01_CS']);
    const statuses = [...results.values()].map((r) => [r.fullName, r.status, r.statusDetails.message]);
    expect(statuses.sort()).toEqual([
      ['TC_B_01_CS', 'passed', 'all validations held'],
      ['TC_B_02_CS', 'failed', 'status was <script>alert(1)</script> ]]> \u0001\u001b[31m'],
      ['TC_B_03_CS', 'broken', '[inconclusive] operator could not unplug'],
      ['TC_C_01_CS', 'skipped', 'station has no local list'],
    ]);
    const boot = results.get('TC_B_01_CS') as TestResult;
    expect(boot.name).toBe('TC_B_01_CS Cold Boot Charging Station - Accepted');
    expect([boot.start, boot.stop]).toEqual([Date.parse('2024-05-01T10:00:00.000Z'), Date.parse('2024-05-01T10:00:00.042Z')]);
  });

  it('labels profiles (epic), suites, block, use cases, requirements and SUT', () => {
    const boot = results.get('TC_B_01_CS') as TestResult;
    expect(labelValues(boot, 'parentSuite')).toEqual(['OCPP 2.0.1 Part 6']);
    expect(labelValues(boot, 'suite')).toEqual(['Charging Station']);
    expect(labelValues(boot, 'feature')).toEqual(['B Provisioning']);
    expect(labelValues(boot, 'story')).toEqual(['B01', 'B02']);
    expect(labelValues(boot, 'tag')).toEqual(['B01.FR.01', 'B01.FR.02']);
    expect(labelValues(boot, 'requirement')).toEqual(['B01.FR.01', 'B01.FR.02']);
    expect(boot.links).toEqual([]); // no requirementUrl given: no links that lead nowhere
    expect(labelValues(boot, 'sut')).toEqual(['CS']);
    expect(labelValues(boot, 'epic')).toEqual(['Core']);
    expect(labelValues(results.get('TC_C_01_CS') as TestResult, 'epic')).toEqual(['No Part 5 profile']);
    expect(labelValues(results.get('TC_B_03_CS') as TestResult, 'verdict')).toEqual(['inconclusive']);
  });

  it('nests steps, with validations as sub-steps carrying expected and actual', () => {
    const [boot] = (results.get('TC_B_01_CS') as TestResult).steps;
    expect(boot.name).toBe('1. Boot');
    expect(boot.steps.map((s) => s.name)).toEqual(['BootNotificationRequest.reason', '1.1 StatusNotification']);
    expect(boot.steps[0].parameters).toEqual([
      { name: 'expected', value: 'PowerUp' },
      { name: 'actual', value: 'PowerUp' },
    ]);
    expect(boot.steps[1].steps.map((s) => [s.name, s.status])).toEqual([['connectorStatus', 'passed']]);

    const [failedStep] = (results.get('TC_B_02_CS') as TestResult).steps;
    expect(failedStep).toMatchObject({ status: 'failed', statusDetails: { message: 'validation failed' } });
    const validation = failedStep.steps[0] as StepResult;
    expect(validation).toMatchObject({ name: 'status', status: 'failed', statusDetails: { expected: 'Pending' } });
    expect(validation.statusDetails.message).toContain('expected Pending, actual <script>');
  });

  it('attaches each step its frames, and the case its frames.jsonl and prompts', async () => {
    const result = results.get('TC_B_01_CS') as TestResult;
    const [boot] = result.steps;
    const stepFrames = JSON.parse(await attachment(boot.attachments[0].source));
    expect(boot.attachments[0]).toMatchObject({ name: 'frames.json', type: 'application/json' });
    expect(stepFrames.map((f: { index: number; messageId: string }) => [f.index, f.messageId])).toEqual([
      [0, 'm1'],
      [1, 'm1'],
    ]);
    const nestedFrames = JSON.parse(await attachment(boot.steps[1].attachments[0].source));
    expect(nestedFrames[0].raw).toContain('<script>alert(1)</script> ]]>');

    expect(result.attachments.map((a) => a.name)).toEqual(['frames.jsonl', 'sequence diagram', 'prompts.json']);
    const jsonl = (await attachment(result.attachments[0].source)).trim().split('\n');
    expect(jsonl.map((l) => JSON.parse(l).kind)).toEqual(['connection', 'frame', 'frame', 'frame', 'connection']);
    expect(result.attachments[1].type).toBe('text/html');
    const diagram = await attachment(result.attachments[1].source);
    expect(diagram).toContain('class="frame');
    expect(diagram).not.toContain('<script>alert(1)</script>'); // SUT text escaped in the diagram too
    expect(JSON.parse(await attachment(result.attachments[2].source))[0].instruction).toBe('Power on the station');

    expect((results.get('TC_C_01_CS') as TestResult).attachments).toEqual([]);
  });

  it('writes environment.properties and returns every file it wrote', async () => {
    const env = await readFile(join(dir, 'environment.properties'), 'utf8');
    expect(env.split(/\r?\n/)).toEqual([
      'toolVersion=0.1.0',
      'runId=run-1',
      'sut=CS',
      'target=ws://127.0.0.1:9000',
      'fault=reject-boot',
      'profiles=core',
      expect.stringMatching(/^specification=OCPP 2\.0\.1: Part 5 .+ Edition 3 .+; Part 6 .+ Edition 3 .+; errata to 2025-09$/),
    ]);
    expect([...written].sort()).toEqual((await readdir(dir)).map((f) => join(dir, f)).sort());
  });

  it('replaces the results of an earlier run', async () => {
    await createAllureReporter(outDir).onRunEnd?.(sampleRun(outDir));
    expect((await readdir(dir)).filter((f) => f.endsWith('-result.json'))).toHaveLength(4);
  });
});

describe('allure reporter with a requirement URL template', () => {
  it('links each requirement id, whole, to its own URL', async () => {
    const outDir = await tempOutDir();
    try {
      await createAllureReporter(outDir, {}, { requirementUrl: 'https://lab.example/req/{id}' }).onRunEnd?.(sampleRun(outDir));
      const dir = allureResultsDir(outDir);
      const all = await Promise.all((await readdir(dir)).filter((f) => f.endsWith('-result.json')).map(async (f) => JSON.parse(await readFile(join(dir, f), 'utf8')) as TestResult));
      const boot = all.find((r) => r.fullName === 'TC_B_01_CS') as TestResult;
      expect(boot.links).toEqual([
        { type: 'requirement', name: 'B01.FR.01', url: 'https://lab.example/req/B01.FR.01' },
        { type: 'requirement', name: 'B01.FR.02', url: 'https://lab.example/req/B01.FR.02' },
      ]);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});
