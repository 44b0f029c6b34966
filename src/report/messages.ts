// Writes each case's wire traffic as JSON Lines, so a run can be replayed or grepped frame by frame.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult, ConnectionEventRecord, FrameRecord } from '../engine/results';
import { type NamedReporter, writeTextFile } from './common';

/** A frame in the timeline; `index` is its frame id (its position in CaseResult.frames). */
export type FrameEntry = { readonly kind: 'frame'; readonly index: number } & FrameRecord;

/** A connection event in the timeline. */
export type ConnectionEntry = { readonly kind: 'connection' } & ConnectionEventRecord;

/** One line of a case's message log. */
export type TimelineEntry = FrameEntry | ConnectionEntry;

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
  const events = sortedEvents(result.connectionEvents);
  const timeline: TimelineEntry[] = [];
  let next = 0;
  result.frames.forEach((frame, index) => {
    while (next < events.length && precedes(events[next], frame)) {
      timeline.push({ kind: 'connection', ...events[next++] });
    }
    timeline.push({ kind: 'frame', index, ...frame });
  });
  for (const event of events.slice(next)) timeline.push({ kind: 'connection', ...event });
  return timeline;
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

/** Reporter writing `<outDir>/messages/<case id>.jsonl` for every case (the folder is replaced each run). */
export function createMessagesReporter(outDir: string): NamedReporter {
  const dir = join(outDir, 'messages');
  return {
    name: 'messages',
    async onRunEnd(run) {
      await rm(dir, { recursive: true, force: true });
      return Promise.all(
        run.cases.map((c) => writeTextFile(join(dir, `${safeFileName(c.info.id)}.jsonl`), caseTimelineJsonl(c))),
      );
    },
  };
}
