import { RE2JS } from 're2js';

// The one place the alert list compiles a pattern a person typed: through RE2 (re2js), whose
// matching time is linear in the input, so a pattern such as `(a+)+$` cannot hang the window
// on a long label value (design §5).

/** A compiled pattern: `test` says whether it occurs anywhere in the text. */
export interface LabelRegex {
  test(text: string): boolean;
}

/**
 * Compile a typed pattern (RE2 syntax, unanchored as in karma), or say what is wrong with it.
 * @param pattern - what the user typed after `=~` or `!~`
 */
export function compileLabelRegex(
  pattern: string,
): { ok: true; regex: LabelRegex } | { ok: false; error: string } {
  try {
    const compiled = RE2JS.compile(pattern);
    return { ok: true, regex: { test: (text) => compiled.matcher(text).find() } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `“${pattern}” is not a valid pattern (${reason})` };
  }
}
