// Server-sent events: streams a run's live log to one page, replaying what it missed (all of it, or after Last-Event-ID on a reconnect).
import type { Request, Response } from 'express';
import type { LiveLog } from './live';

/** How often a comment line keeps an idle stream open through proxies. */
const KEEP_ALIVE_MS = 15_000;

/** Streams `log` to the response as `text/event-stream` until the page goes away (or the server closes the connection). */
export function streamEvents(req: Request, res: Response, log: LiveLog): void {
  const lastSeen = Number(req.get('last-event-id'));
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
  res.write('retry: 2000\n\n');
  // JSON.stringify escapes line breaks, so each event is one data line.
  const stop = log.follow(Number.isInteger(lastSeen) && lastSeen > 0 ? lastSeen : 0, ({ seq, event }) => res.write(`id: ${seq}\ndata: ${JSON.stringify(event)}\n\n`));
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS).unref();
  res.on('close', () => {
    stop();
    clearInterval(keepAlive);
  });
}
