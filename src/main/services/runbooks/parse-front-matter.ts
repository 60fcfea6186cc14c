import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { runbookFrontMatterSchema, type RunbookFrontMatter } from '../../../shared/domain/runbook';
import { findDuplicateKey } from './duplicate-keys';

/**
 * Largest front matter read, in bytes. Title, match and a few fields take well under 1 KiB; the
 * cap keeps YAML parsing of a hostile file short (1 MB of keys took 48 s, issue 10).
 */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;

/** The front matter, validated, or why it cannot be used (the message names line or field). */
export type ParsedFrontMatter =
  { ok: true; value: RunbookFrontMatter } | { ok: false; message: string };

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  // zod's generic prefix adds nothing once the field is named.
  const message = issue.message.replace(/^Invalid input: /, '');
  return field === '' ? message : `\`${field}\`: ${message}`;
}

/**
 * Parses and validates the YAML front matter of a runbook.
 * @param yaml - the text between the `---` lines
 * @param firstLine - the file line the YAML starts on, so errors point into the file
 */
export function parseFrontMatter(yaml: string, firstLine: number): ParsedFrontMatter {
  const bytes = Buffer.byteLength(yaml);
  if (bytes > MAX_FRONT_MATTER_BYTES) {
    return {
      ok: false,
      message: `front matter is ${Math.ceil(bytes / 1024)} KiB; the limit is ${MAX_FRONT_MATTER_BYTES / 1024} KiB (keep it to title, match and a few fields)`,
    };
  }
  // Aliases are capped when converting, so a hostile file cannot blow up memory with a
  // billion-laughs document. Duplicate keys are checked below, in linear time.
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { prettyErrors: true, uniqueKeys: false, lineCounter });
  const [yamlError] = document.errors;
  if (yamlError !== undefined) {
    // The library's message ends with " at line L, column C:" and a code frame; we report the
    // position in the file instead of in the YAML block.
    const reason = (yamlError.message.split('\n')[0] ?? '').replace(
      / at line \d+, column \d+:?$/,
      '',
    );
    const position = yamlError.linePos?.[0];
    const where =
      position === undefined
        ? ''
        : ` (line ${position.line + firstLine - 1}, column ${position.col})`;
    return { ok: false, message: `front matter is not valid YAML${where}: ${reason}` };
  }
  const duplicate = findDuplicateKey(document, lineCounter);
  if (duplicate !== undefined) {
    return {
      ok: false,
      message: `front matter is not valid YAML (line ${duplicate.line + firstLine - 1}, column ${duplicate.col}): Map keys must be unique; "${duplicate.key.slice(0, 100)}" is written twice`,
    };
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, message: `front matter cannot be read: ${(error as Error).message}` };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, message: 'front matter must be a YAML map with at least `match:`' };
  }
  const result = runbookFrontMatterSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      message: `front matter: ${result.error.issues.map(describeIssue).join('; ')}`,
    };
  }
  return { ok: true, value: result.data };
}
