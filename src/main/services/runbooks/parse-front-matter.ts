import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { runbookFrontMatterSchema, type RunbookFrontMatter } from '../../../shared/domain/runbook';

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
  // Duplicate keys are errors (yaml's default), and aliases are capped when converting, so a
  // hostile file cannot blow up memory with a billion-laughs document.
  const document = parseDocument(yaml, { prettyErrors: true, uniqueKeys: true });
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
