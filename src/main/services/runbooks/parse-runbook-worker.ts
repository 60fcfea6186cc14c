// The worker thread that parses runbook files (runbook-parser.ts is the other end). Parsing
// untrusted Markdown and YAML can take minutes on a hostile file; here it can be stopped.
import { serveWorker } from '../worker/worker-protocol';
import { parseRunbook } from './parse-runbook';

serveWorker('parse-runbook-worker.ts', parseRunbook);
