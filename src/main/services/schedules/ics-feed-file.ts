import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { makePrivateDirSync, makePrivateFileSync } from '../home/private-mode';
import { isCode, replaceFileDurably } from '../journal/durable-fs';

/** The folder of the feeds' last good copies, inside the app's home. */
export const SCHEDULES_DIR = 'schedules';

/** The last good copy of one feed: the text as fetched, re-expanded as time moves on. */
export interface IcsFeedCopy {
  /** The feed's URL (normalised), so a copy is never served for another feed. */
  readonly url: string;
  /** When it was fetched, epoch ms. */
  readonly fetchedAt: number;
  readonly text: string;
}

const copySchema = z.object({
  version: z.literal(1),
  url: z.string(),
  fetchedAt: z.number(),
  text: z.string(),
});

/** Where one feed's last good copy lives on disk. */
export interface IcsFeedFile {
  readonly path: string;
  /** The copy on disk; undefined when there is none, or it is unreadable or another feed's. */
  load(): Promise<IcsFeedCopy | undefined>;
  /** Replace it durably (temp 0600 → fsync → rename → fsync directory). */
  save(copy: IcsFeedCopy): Promise<void>;
  /** Forget it (the feed was removed). */
  remove(): Promise<void>;
}

/**
 * The file of one feed in `<home>/schedules/` (0700), named by a hash of its URL: the URL of a
 * private feed is a secret (PagerDuty's holds a token), so it is no file name.
 * @param home - the app's home directory
 * @param url - the feed's normalised URL
 */
export function icsFeedFile(home: string, url: string): IcsFeedFile {
  const dir = path.join(home, SCHEDULES_DIR);
  const name = `ics-${createHash('sha256').update(url).digest('hex').slice(0, 24)}.json`;
  const file = path.join(dir, name);
  return {
    path: file,
    async load() {
      makePrivateDirSync(dir);
      makePrivateFileSync(file);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (isCode(error, 'ENOENT')) return undefined;
        throw error;
      }
      try {
        const parsed = copySchema.safeParse(JSON.parse(text));
        // A damaged copy is replaced by the next good fetch; it holds nothing that is not at the feed.
        if (!parsed.success || parsed.data.url !== url) return undefined;
        return { url, fetchedAt: parsed.data.fetchedAt, text: parsed.data.text };
      } catch {
        return undefined;
      }
    },
    async save(copy) {
      makePrivateDirSync(dir);
      const bytes = new TextEncoder().encode(JSON.stringify({ version: 1, ...copy }));
      await replaceFileDurably(dir, `${file}.tmp`, file, bytes);
    },
    async remove() {
      await rm(file, { force: true });
    },
  };
}
