import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  openJournal,
  type Journal,
  type JournalOptions,
  type OpenedJournal,
} from '../../../../../src/main/services/journal/journal';

/** The time every kept-aside file in these tests is named after. */
export const NOW = new Date('2025-03-04T05:06:07.089Z');
export const STAMP = '2025-03-04T05-06-07.089Z';
export const clock = { now: () => NOW };

/** A scratch journal directory, with helpers that close what they open. */
export interface JournalKit {
  dir: string;
  logged: string[];
  open(
    docId?: string,
    options?: JournalOptions,
  ): Promise<{ journal: Journal; opened: OpenedJournal }>;
  /** Open, close at once, and return what opening found. */
  reopen(docId?: string): Promise<OpenedJournal>;
  file(name: string): string;
  files(): string[];
  cleanup(): Promise<void>;
}

/** Make a kit in a fresh temp directory. */
export function journalKit(): JournalKit {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-journal-'));
  const logged: string[] = [];
  const live = new Set<Journal>();
  const open: JournalKit['open'] = async (docId = 'inc-1', options = {}) => {
    const result = await openJournal(dir, docId, {
      clock,
      log: (line) => logged.push(line),
      ...options,
    });
    live.add(result.journal);
    const close = result.journal.close.bind(result.journal);
    result.journal.close = async () => {
      live.delete(result.journal);
      await close();
    };
    return result;
  };
  return {
    dir,
    logged,
    open,
    async reopen(docId) {
      const { journal, opened } = await open(docId);
      await journal.close();
      return opened;
    },
    file: (name) => path.join(dir, name),
    files: () => fs.readdirSync(dir).sort(),
    async cleanup() {
      for (const journal of live) await journal.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Text as bytes, and back: records in these tests are readable. */
export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
export const texts = (records: readonly Uint8Array[]): string[] =>
  records.map((record) => new TextDecoder().decode(record));
