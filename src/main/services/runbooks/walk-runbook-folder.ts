import type { Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { RunbookLoadError } from '../../../shared/domain/runbook';

/** A Markdown file found in the runbook folder. */
export interface RunbookFileEntry {
  /** Path relative to the folder, `/`-separated: the runbook's id. */
  id: string;
  /** Where to read it (symlinks resolved). */
  path: string;
}

/** What a walk of the runbook folder found. */
export interface RunbookFolderWalk {
  files: RunbookFileEntry[];
  /** Every directory walked (real paths), for the watcher. */
  dirs: string[];
  errors: RunbookLoadError[];
}

/** True for names the walk never enters or lists: hidden entries (`.git`, editor lock and swap files) and node_modules. */
export function isSkippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** True for a Markdown file name. */
export function isMarkdownName(name: string): boolean {
  return /\.md$/i.test(name);
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative))
  );
}

type EntryKind = 'dir' | 'file' | 'other';

function kindOf(entry: Pick<Dirent, 'isDirectory' | 'isFile'>): EntryKind {
  return entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
}

type Resolved = { kind: EntryKind; path: string } | { error: string; kind?: EntryKind };

// A symlink is followed only when its target is inside the folder: a runbook repo must not be
// able to pull ~/.ssh/config (or anything else) into the app by linking to it.
async function resolveLink(root: string, link: string): Promise<Resolved> {
  let target: string;
  try {
    target = await fs.realpath(link);
  } catch {
    return { error: 'broken symlink' };
  }
  let kind: EntryKind;
  try {
    kind = kindOf(await fs.stat(target));
  } catch {
    return { error: 'broken symlink' };
  }
  if (!isInside(root, target)) {
    return { error: 'symlink points outside the runbook folder; not followed', kind };
  }
  return { kind, path: target };
}

/**
 * Finds the `**\/*.md` files of a runbook folder. Skips hidden entries and node_modules, follows
 * symlinks only inside the folder (and each directory once, so link loops end), and stops after
 * `maxFiles` files with an error saying so. Problems are collected, never thrown, except when
 * the folder itself cannot be resolved.
 * @param dir - the runbook folder
 * @param maxFiles - how many Markdown files to take at most
 */
export async function walkRunbookFolder(dir: string, maxFiles: number): Promise<RunbookFolderWalk> {
  const root = await fs.realpath(dir);
  const walk: RunbookFolderWalk = { files: [], dirs: [], errors: [] };
  const visited = new Set<string>();
  const queue: { abs: string; rel: string }[] = [{ abs: root, rel: '' }];
  // Linked directories wait until the real tree is done, so a directory reachable both ways is
  // listed under its real path, whatever the names sort like.
  const linked: { abs: string; rel: string }[] = [];

  for (;;) {
    const next = queue.shift() ?? linked.shift();
    if (next === undefined) break;
    if (visited.has(next.abs)) continue;
    visited.add(next.abs);
    walk.dirs.push(next.abs);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(next.abs, { withFileTypes: true });
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split(',')[0] ?? '') : String(error);
      walk.errors.push({
        file: next.rel === '' ? '.' : next.rel,
        message: `folder cannot be read (${reason})`,
      });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

    for (const entry of entries) {
      if (isSkippedName(entry.name)) continue;
      const rel = next.rel === '' ? entry.name : `${next.rel}/${entry.name}`;
      let target: { kind: EntryKind; path: string } = {
        kind: kindOf(entry),
        path: path.join(next.abs, entry.name),
      };
      if (entry.isSymbolicLink()) {
        const resolved = await resolveLink(root, target.path);
        if ('error' in resolved) {
          // Only report links the user would expect to see as runbooks or runbook folders.
          if (isMarkdownName(entry.name) || resolved.kind === 'dir') {
            walk.errors.push({ file: rel, message: resolved.error });
          }
          continue;
        }
        target = resolved;
      }

      if (target.kind === 'dir') {
        if (!visited.has(target.path)) {
          (entry.isSymbolicLink() ? linked : queue).push({ abs: target.path, rel });
        }
      } else if (isMarkdownName(entry.name)) {
        if (target.kind !== 'file') {
          walk.errors.push({ file: rel, message: 'not a regular file' });
        } else if (walk.files.length >= maxFiles) {
          walk.errors.push({
            file: '.',
            message: `more than ${maxFiles} Markdown files; the rest were not loaded`,
          });
          return walk;
        } else {
          walk.files.push({ id: rel, path: target.path });
        }
      }
    }
  }
  return walk;
}
