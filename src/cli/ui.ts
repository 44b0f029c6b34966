/** `ocpp-ct ui`: the web UI, where runs are started, followed live, operator prompts answered and reports read. */
import type { Command } from 'commander';
import { resolve } from 'node:path';
import { createUiServer } from '../web/app';
import { parsePort, UsageError } from './common';

/** Shortest access token accepted from --token. */
const MIN_TOKEN_CHARS = 16;

/** Adds `ui` to the program. */
export function registerUiCommand(program: Command): void {
  program
    .command('ui')
    .description('the web UI: start runs, follow them live, answer operator prompts, read the reports (Ctrl-C stops it)')
    .option('--port <n>', 'port to listen on', parsePort, 7070)
    .option('--host <address>', 'address to bind; anything but 127.0.0.1, localhost or ::1 requires an access token', '127.0.0.1')
    .option('--token <token>', `access token (at least ${MIN_TOKEN_CHARS} characters); generated and printed when the host is not loopback`)
    .option('--reports <dir>', 'the reports folder the UI reads and writes', 'reports')
    .exitOverride()
    .action(async (options: { port: number; host: string; token?: string; reports: string }) => uiCommand(options));
}

async function uiCommand(options: { port: number; host: string; token?: string; reports: string }): Promise<void> {
  if (options.token !== undefined && options.token.length < MIN_TOKEN_CHARS) throw new UsageError(`--token must have at least ${MIN_TOKEN_CHARS} characters`);
  const ui = await createUiServer({ reportsDir: resolve(options.reports), host: options.host, port: options.port, token: options.token });
  const open = ui.token === undefined ? ui.url : `${ui.url}/?token=${encodeURIComponent(ui.token)}`;
  process.stdout.write(`ocpp-ct UI at ${open}\n`);
  if (ui.token !== undefined) process.stdout.write(`Every request needs the access token: open the URL above once (it sets a cookie), or send Authorization: Bearer ${ui.token}\n`);
  process.stdout.write(`Reports folder: ${resolve(options.reports)}; Ctrl-C stops the UI\n`);
  await new Promise((stop) => {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('Stopping: runs still going end after their current case\n');
  await ui.close();
}
