// The worker thread that parses and expands iCalendar feeds (ics-parser.ts is the other end).
// A feed is untrusted text from the network: a hostile RRULE or nesting can cost seconds, and
// here it can be stopped without stopping the loop that escalates.
import { serveWorker } from '../worker/worker-protocol';
import { expandIcs } from './ics-expand';

serveWorker('ics-parse-worker.ts', expandIcs);
