import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A runbook folder in a temporary directory, built from path → content. */
export function makeTempFolder(files: Record<string, string | Buffer>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-runbooks-'));
  writeFiles(root, files);
  return root;
}

/** Writes path → content under a folder, creating directories as needed. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** A minimal valid runbook. */
export function runbookText(alertname: string, step = 'do it'): string {
  return `---\nmatch:\n  alertname: ${alertname}\n---\n# ${alertname}\n\n- [ ] ${step}\n`;
}
