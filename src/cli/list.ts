/** `ocpp-ct list`: the implemented cases, or the fault catalogues of the reference SUTs. */
import { Option, type Command } from 'commander';
import { loadCases } from '../engine/catalog';
import { CSMS_FAULTS, STATION_FAULTS } from '../reference/faults';
import { toRole } from './common';

/** Adds `list` to the program. */
export function registerListCommand(program: Command): void {
  program
    .command('list')
    .description('list the implemented test cases')
    .addOption(new Option('--sut <side>', 'only this side').choices(['cs', 'csms']))
    .option('--json', 'as JSON')
    .option('--faults', 'list the faults of the reference SUTs instead')
    .exitOverride()
    .action((options: { sut?: string; json?: boolean; faults?: boolean }) => listCommand(options));
}

function listCommand(options: { sut?: string; json?: boolean; faults?: boolean }): void {
  if (options.faults) {
    const faults = { CS: STATION_FAULTS, CSMS: CSMS_FAULTS };
    if (options.json) return void process.stdout.write(`${JSON.stringify(faults, null, 2)}\n`);
    for (const [side, catalogue] of Object.entries(faults)) {
      process.stdout.write(`${side} reference faults:\n`);
      for (const [name, description] of Object.entries(catalogue)) process.stdout.write(`  ${name.padEnd(34)} ${description}\n`);
    }
    return;
  }
  const cases = loadCases(options.sut ? toRole(options.sut) : undefined);
  if (options.json) {
    const rows = cases.map(({ info }) => ({ id: info.id, name: info.name, sut: info.sut, block: info.block, useCases: info.useCases, requirements: info.requirements, detects: info.detects }));
    return void process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  }
  for (const { info } of cases) process.stdout.write(`${info.id.padEnd(15)} ${info.sut.padEnd(5)} ${info.name}\n`);
  process.stdout.write(`${cases.length} case(s)\n`);
}

