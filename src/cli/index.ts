/** The `ocpp-ct` command: builds the program from the command modules and maps every ending to an exit status. */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../engine/config';
import { TOOL_VERSION } from '../version';
import { EXIT, portInUse, UsageError } from './common';
import { registerCertsCommands } from './certs';
import { registerListCommand } from './list';
import { registerProfileCommands } from './profiles';
import { registerReferenceCommands } from './reference';
import { registerRunCommands } from './run';
import { registerUiCommand } from './ui';
import { registerVerifyCommand } from './verify';

/** Parses the arguments and runs the command; sets process.exitCode. */
export async function main(argv: readonly string[]): Promise<void> {
  quietOnClosedOutput();
  const program = buildProgram();
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    const busy = portInUse(error);
    if (busy) {
      process.stderr.write(`ocpp-ct: ${busy}: stop what uses it or choose another port (--port)\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`ocpp-ct: ${error.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    process.stderr.write(`ocpp-ct: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.usage;
  }
}

/** Output piped into a reader that stops early (`ocpp-ct list | head`): end quietly, as Unix tools do, instead of an EPIPE trace. */
function quietOnClosedOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
      throw error;
    });
  }
}

function buildProgram(): Command {
  const program = new Command('ocpp-ct')
    .description('Open OCPP 2.0.1 conformance test harness: runs Part 6 test cases against a Charging Station or a CSMS')
    .version(TOOL_VERSION)
    .exitOverride()
    .showHelpAfterError();
  registerRunCommands(program);
  registerListCommand(program);
  registerReferenceCommands(program);
  registerUiCommand(program);
  registerCertsCommands(program);
  registerVerifyCommand(program);
  registerProfileCommands(program);
  return program;
}
