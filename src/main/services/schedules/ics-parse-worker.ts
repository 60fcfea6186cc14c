// The worker thread that parses and expands iCalendar feeds (ics-parser.ts is the other end).
// A feed is untrusted text from the network: a hostile RRULE or nesting can cost seconds, and
// here it can be stopped without stopping the loop that escalates.
import { parentPort } from 'node:worker_threads';
import { expandIcs } from './ics-expand';
import type { IcsParseReply, IcsParseRequest } from './ics-parse-messages';

const port = parentPort;
if (port === null) throw new Error('ics-parse-worker.ts runs as a worker thread only.');

port.on('message', ({ id, request }: IcsParseRequest) => {
  let reply: IcsParseReply;
  try {
    reply = { type: 'parsed', id, expansion: expandIcs(request) };
  } catch (error) {
    // A bad feed or a stack overflow costs this feed, not the others.
    reply = { type: 'failed', id, message: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies IcsParseReply);
