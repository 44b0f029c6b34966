// Writes each case's wire traffic as JSON Lines while the frames flow, so a run can be replayed or grepped frame by frame, even after a crash.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult, ConnectionEventRecord, FrameRecord } from '../engine/results';
import { type NamedReporter, serially } from './common';

/** A frame in the timeline; `index` is its frame id (its position in CaseResult.frames). */
export type FrameEntry = { readonly kind: 'frame'; readonly index: number } & FrameRecord;

/** A connection event in the timeline. */
export type ConnectionEntry = { readonly kind: 'connection' } & ConnectionEventRecord;

/** One line of a case's message log. */
export type TimelineEntry = FrameEntry | ConnectionEntry;

/** The run-level evidence file: frames and connection events outside any case (its name cannot be a case id's). */
export const RUN_FRAMES_FILE = '_run.jsonl';

/** Whether a connection event belongs before a frame (an `opened` at the same instant comes first). */
function precedes(event: ConnectionEventRecord, frame: FrameRecord): boolean {
  const e = Date.parse(event.at);
  const f = Date.parse(frame.at);
  return e < f || (e === f && event.event === 'opened');
}

/** Connection events in time order (stable for equal times). */
function sortedEvents(events: readonly ConnectionEventRecord[]): ConnectionEventRecord[] {
  return [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * All frames of a case in their recorded order, with the connection events merged in by time.
 * Frames are never reordered, even if their timestamps are not monotonic.
 */
export function caseTimeline(result: CaseResult): TimelineEntry[] {
  return [...timelineEntries(result)];
}

/** The entries of {@link caseTimeline} one at a time (a flood of frames is never held twice). */
export function* timelineEntries(result: CaseResult): Generator<TimelineEntry> {
  const events = sortedEvents(result.connectionEvents);
  let next = 0;
  for (const [index, frame] of result.frames.entries()) {
    while (next < events.length && precedes(events[next], frame)) yield { kind: 'connection', ...events[next++] };
    yield { kind: 'frame', index, ...frame };
  }
  for (const event of events.slice(next)) yield { kind: 'connection', ...event };
}

/** Writes a case's timeline to `path` (a temporary file, then rename), in chunks: memory stays flat however many frames the case has. */
export async function writeTimelineFile(path: string, result: CaseResult): Promise<string> {
  const temporary = `${path}.${process.pid}.tmp`;
  const stream = createWriteStream(temporary);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  let chunk = '';
  for (const entry of timelineEntries(result)) {
    chunk += `${JSON.stringify(entry)}\n`;
    if (chunk.length < 64 * 1024) continue;
    if (!stream.write(chunk)) await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
    chunk = '';
  }
  await Promise.race([new Promise<void>((resolve) => stream.end(chunk, () => resolve())), failed]);
  await rename(temporary, path);
  return path;
}

/** A case's timeline as JSON Lines text (one object per line, trailing newline when not empty). */
export function caseTimelineJsonl(result: CaseResult): string {
  return caseTimeline(result)
    .map((entry) => `${JSON.stringify(entry)}\n`)
    .join('');
}

/** A file name safe on every platform for a case id. */
export function safeFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** An append-only JSON Lines file; a write error is kept (and reported at the end) instead of crashing the run. */
class JsonlStream {
  private readonly stream: WriteStream;
  private failure: Error | undefined;
  lines = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path, { flags: 'w' });
    this.stream.on('error', (error) => (this.failure ??= error));
  }

  write(value: unknown): void {
    if (this.failure) return;
    this.lines += 1;
    // Lines go out in chunks (a flood of frames is few writes), at the latest on the next turn of the event loop.
    this.pending += `${JSON.stringify(value)}\n`;
    if (this.pending.length >= 64 * 1024) this.flush();
    else this.flushSoon ??= setImmediate(() => this.flush());
  }

  private pending = '';
  private flushSoon: NodeJS.Immediate | undefined;

  private flush(): void {
    if (this.flushSoon) clearImmediate(this.flushSoon);
    this.flushSoon = undefined;
    if (this.pending === '' || this.failure) return;
    this.stream.write(this.pending);
    this.pending = '';
  }

  /** Flushes and closes; rejects with the first write error, if any. */
  close(): Promise<void> {
    this.flush();
    return new Promise((resolve, reject) => {
      this.stream.end(() => (this.failure ? reject(this.failure) : resolve()));
      if (this.stream.destroyed && this.failure) reject(this.failure);
      else if (this.stream.destroyed) resolve();
    });
  }
}

/** Options of {@link createMessagesReporter}. */
export interface MessagesReporterOptions {
  /** A resumed run keeps the message logs of the cases it takes over (the folder is otherwise emptied when the run begins). */
  readonly keepExisting?: boolean;
}

/**
 * Reporter writing `<outDir>/messages/<case id>.jsonl`: each frame is appended the moment it flows; when the case
 * ends, the file is replaced (atomically) by the full timeline with the connection events. Frames outside any case
 * go to `messages/_run.jsonl`.
 */
export function createMessagesReporter(outDir: string, options: MessagesReporterOptions = {}): NamedReporter {
  const dir = join(outDir, 'messages');
  const open = new Map<string, JsonlStream>();
  const written = new Set<string>();
  let runFrames: JsonlStream | undefined;
  let ready: Promise<void> | undefined;
  const prepare = (): Promise<void> =>
    (ready ??= (async () => {
      if (!options.keepExisting) await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
    })());
  const queue = serially();
  const pathOf = (id: string) => join(dir, `${safeFileName(id)}.jsonl`);
  const finish = async (result: CaseResult): Promise<void> => {
    const stream = open.get(result.info.id);
    open.delete(result.info.id);
    if (stream) await stream.close().catch(() => undefined);
    // The full timeline adds the connection events; a record with fewer frames than were streamed (a case cut short) keeps the streamed file.
    if (!stream || result.frames.length >= stream.lines) await writeTimelineFile(pathOf(result.info.id), result);
    written.add(pathOf(result.info.id));
  };
  return {
    name: 'messages',
    async onRunBegin() {
      await prepare();
    },
    async onCaseBegin(info) {
      await prepare();
      open.get(info.id)?.close().catch(() => undefined);
      open.set(info.id, new JsonlStream(pathOf(info.id)));
    },
    onFrame(caseId, frame) {
      const stream = open.get(caseId);
      if (stream) stream.write({ kind: 'frame', index: stream.lines, ...frame });
    },
    onRunFrame(frame) {
      // The folder exists from onRunBegin on, and no lane (so no frame) opens before the run began.
      runFrames ??= new JsonlStream(join(dir, RUN_FRAMES_FILE));
      runFrames.write({ kind: 'frame', ...frame });
    },
    onRunConnectionEvent(event) {
      runFrames ??= new JsonlStream(join(dir, RUN_FRAMES_FILE));
      runFrames.write({ kind: 'connection', ...event });
    },
    async onCaseEnd(result) {
      if (result.resumed || result.verdict === 'notRun') return;
      await queue(() => finish(result));
    },
    async onRunEnd(run) {
      await prepare();
      for (const stream of open.values()) await stream.close().catch(() => undefined);
      open.clear();
      // Cases whose end this reporter did not see (a caller that reports only the finished run) are written now.
      for (const c of run.cases) if (!c.resumed && c.verdict !== 'notRun' && !written.has(pathOf(c.info.id))) await queue(() => finish(c));
      if (runFrames) {
        await runFrames.close();
        written.add(runFrames.path);
      }
      return [...written];
    },
  };
}
