/** Why a file was refused instead of recovered. */
export type JournalFormatProblem =
  /** Not a journal at all: it has been moved aside to `keptAs`. */
  | 'foreign'
  /** Written by a newer app (a layout this code does not know): left in place, untouched. */
  | 'unsupported-version'
  /** Our magic, but the header is cut short or fails its CRC: left in place, untouched. */
  | 'damaged-header';

/**
 * A document's file that openJournal will not read. Nothing is truncated or overwritten: a
 * foreign file is moved aside (it is not ours, so the next open starts afresh), while a file
 * of ours that we cannot read stays where it is, so the document keeps failing to open
 * (visibly) rather than silently starting again from nothing.
 */
export class JournalFormatError extends Error {
  /**
   * @param problem - what is wrong
   * @param file - the file refused
   * @param message - one sentence a person can act on
   * @param keptAs - where a foreign file now is
   */
  constructor(
    readonly problem: JournalFormatProblem,
    readonly file: string,
    message: string,
    readonly keptAs?: string,
  ) {
    super(message);
    this.name = 'JournalFormatError';
  }
}

/**
 * A write, fdatasync or compaction step failed, so what is on disk is no longer known. The
 * journal refuses further work: after a failed fsync, retrying can report success for data
 * the kernel already dropped (PostgreSQL's "fsyncgate"), so the only safe path is to close and
 * reopen, which recovers from the files as they are.
 */
export class JournalFailedError extends Error {
  /**
   * @param file - the journal
   * @param cause - the error that broke it
   */
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(
      `Journal: writing ${file} failed (${(cause as Error | undefined)?.message ?? String(cause)}); ` +
        'close and reopen it to recover.',
      { cause },
    );
    this.name = 'JournalFailedError';
  }
}
