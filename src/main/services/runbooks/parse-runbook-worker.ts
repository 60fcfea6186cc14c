// The worker thread that parses runbook files (runbook-parser.ts is the other end). Parsing
// untrusted Markdown and YAML can take minutes on a hostile file; here it can be stopped.
import { parentPort } from 'node:worker_threads';
import { parseRunbook } from './parse-runbook';
import type { ParseReply, ParseRequest } from './parse-runbook-messages';

const port = parentPort;
if (port === null) throw new Error('parse-runbook-worker.ts runs as a worker thread only.');

port.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { type: 'parsed', id: request.id, runbook: parseRunbook(request.source) };
  } catch (error) {
    // A parser bug or a stack overflow costs this file, not the others.
    reply = { type: 'failed', id: request.id, message: String(error) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies ParseReply);
