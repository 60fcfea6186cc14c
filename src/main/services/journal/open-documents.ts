import path from 'node:path';

// Two Journal objects appending to one file would interleave their records at the same
// offsets. The app is single-instance (the Electron shell takes the lock), so guarding the
// documents open in this process is enough.
const open = new Set<string>();

/**
 * Claim a journal file for this process.
 * @param file - the journal's path
 * @returns a function that releases it
 */
export function claimDocument(file: string): () => void {
  const key = path.resolve(file);
  if (open.has(key)) {
    throw new Error(`Journal: ${file} is already open in this process; close it first.`);
  }
  open.add(key);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    open.delete(key);
  };
}
