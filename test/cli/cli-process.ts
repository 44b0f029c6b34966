// Runs the real `ocpp-ct` CLI as child processes for the CLI tests: bounded, event-driven waits on their output, and no process left behind.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root: the CLI runs with it as working directory. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
const CLI = join(REPO_ROOT, 'bin', 'ocpp-ct.js');

/** How a CLI process ended and what it printed. */
export interface CliExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** One running `node bin/ocpp-ct.js …` process. */
export class CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stdout = '';
  stderr = '';
  /** Resolves once the process has exited and its output streams are drained. */
  readonly exited: Promise<CliExit>;
  private readonly onOutput = new Set<() => void>();
  private ended = false;

  constructor(readonly args: readonly string[]) {
    this.child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: '1' } });
    this.child.stdout.setEncoding('utf8').on('data', (text: string) => this.output(() => (this.stdout += text)));
    this.child.stderr.setEncoding('utf8').on('data', (text: string) => this.output(() => (this.stderr += text)));
    this.exited = new Promise((resolveExit) =>
      this.child.on('close', (code, signal) => {
        this.ended = true;
        this.onOutput.forEach((notify) => notify());
        resolveExit({ code, signal, stdout: this.stdout, stderr: this.stderr });
      }),
    );
  }

  /** Whether the process has ended. */
  get hasExited(): boolean {
    return this.ended;
  }

  /** Resolves with the first match of `pattern` in `stream`; rejects when the process ends first or `timeoutMs` passes. */
  waitForOutput(pattern: RegExp, timeoutMs: number, stream: 'stdout' | 'stderr' = 'stdout'): Promise<RegExpMatchArray> {
    return new Promise((resolveMatch, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.onOutput.delete(check);
        settle();
      };
      const check = () => {
        const match = this[stream].match(pattern);
        if (match) return finish(() => resolveMatch(match));
        if (this.ended) finish(() => reject(new Error(`ocpp-ct ${this.args.join(' ')} exited before printing ${pattern} on ${stream}\n${this.describe()}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`ocpp-ct ${this.args.join(' ')} did not print ${pattern} on ${stream} within ${timeoutMs} ms\n${this.describe()}`))), timeoutMs);
      this.onOutput.add(check);
      check();
    });
  }

  /** Resolves when the process exits; after `timeoutMs` it is stopped and the wait rejects. */
  async waitForExit(timeoutMs: number): Promise<CliExit> {
    try {
      return await within(timeoutMs, `ocpp-ct ${this.args.join(' ')} to exit`, this.exited);
    } catch (error) {
      await this.stop();
      throw new Error(`${(error as Error).message}\n${this.describe()}`, { cause: error });
    }
  }

  /** Ctrl-C, then SIGKILL if it has not exited within `graceMs`; resolves once it is gone. */
  async stop(graceMs = 3_000): Promise<CliExit> {
    if (!this.ended) {
      this.child.kill('SIGINT');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exited;
  }

  /** Both output streams, for failure messages. */
  describe(): string {
    return `--- stdout ---\n${this.stdout}\n--- stderr ---\n${this.stderr}`;
  }

  private output(append: () => void): void {
    append();
    this.onOutput.forEach((notify) => notify());
  }
}

const running = new Set<CliProcess>();
const outDirs: string[] = [];

/** Starts `ocpp-ct …`; {@link stopAll} ends it if the test does not. */
export function startCli(...args: string[]): CliProcess {
  const cli = new CliProcess(args);
  running.add(cli);
  void cli.exited.then(() => running.delete(cli));
  return cli;
}

/** Runs `ocpp-ct …` to its end (stopped and rejected after `timeoutMs`). */
export function runCli(args: readonly string[], timeoutMs: number): Promise<CliExit> {
  return startCli(...args).waitForExit(timeoutMs);
}

/** Stops every CLI process still running: for afterEach. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((cli) => cli.stop()));
}

/** A fresh, empty folder under the OS temp dir; {@link removeOutDirs} deletes it. */
export function freshOutDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ocpp-ct-cli-'));
  outDirs.push(dir);
  return dir;
}

/** Deletes every folder {@link freshOutDir} made: for afterAll. */
export function removeOutDirs(): void {
  for (const dir of outDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** `work`, or a rejection naming `what` once `ms` pass first. */
export async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`waited ${ms} ms for ${what}`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A loopback TCP port that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error(`unexpected address ${String(address)}`))));
    });
  });
}
