import { chmod, mkdir, stat } from 'node:fs/promises';

/** What a private file's mode check found and did. */
export interface ModeCheck {
  /** Set when the mode was too open and has been narrowed: says what it was. */
  readonly fixed?: string;
}

// Windows has no POSIX modes: the file lives in the user's profile, whose ACL keeps others out.
const POSIX = process.platform !== 'win32';

/**
 * Create `dir` (and its parents) and make it 0700, so no other user can list or open what is in
 * it, whatever the umask was.
 * @param dir - the directory
 */
export async function ensurePrivateDirectory(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (!POSIX) return;
  const { mode } = await stat(dir);
  if ((mode & 0o777) !== 0o700) await chmod(dir, 0o700);
}

/**
 * Check that only its owner can read or write `file`, and narrow it to 0600 when not. A file
 * that belongs to someone else is refused: they could have written anything in it.
 * @param file - an existing file
 * @throws Error when the file belongs to another user
 */
export async function ensurePrivateFile(file: string): Promise<ModeCheck> {
  if (!POSIX) return {};
  const info = await stat(file);
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    throw new Error(
      `${file} belongs to another user (uid ${info.uid}); move it away and enter the tokens again`,
    );
  }
  const mode = info.mode & 0o777;
  if ((mode & 0o077) === 0) return {};
  await chmod(file, 0o600);
  return { fixed: `0${mode.toString(8)}` };
}
