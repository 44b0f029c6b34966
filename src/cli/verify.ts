/** `ocpp-ct verify <run dir>`: checks a certification run's evidence against its manifest and detached signature. */
import type { Command } from 'commander';
import { verifyRun } from '../report/signature';
import { EXIT } from './common';

/** Registers `verify`. */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description("checks every evidence file of a certification run against certification-report.sha256, and the run's detached signature when it was signed")
    .argument('<dir>', 'the run folder')
    .action(async (dir: string) => {
      const verification = await verifyRun(dir);
      for (const line of verification.lines) process.stdout.write(`${line}\n`);
      process.stdout.write(verification.ok ? `verified: ${dir}${verification.signed ? '' : ' (hashes only: not signed)'}\n` : `NOT verified: ${dir}\n`);
      process.exitCode = verification.ok ? EXIT.ok : EXIT.failed;
    });
}
