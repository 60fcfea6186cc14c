/** A Markdown file cut into its YAML front matter (if any) and its body. */
export type SplitFrontMatter =
  | {
      ok: true;
      /** The YAML between the `---` lines; undefined when the file has no front matter. */
      yaml: string | undefined;
      /** 1-based line of the file where the YAML starts, to report YAML errors by file line. */
      yamlLine: number;
      body: string;
    }
  | { ok: false; message: string };

// Splitting by hand is a dozen lines; gray-matter would add js-yaml next to `yaml` for this.
const OPENING = /^---[ \t]*$/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/;

/**
 * Cuts the front matter off a Markdown file: a `---` line as the very first line, the YAML,
 * then a `---` (or `...`) line. A file without one is all body.
 * @param text - the whole file, already decoded
 */
export function splitFrontMatter(text: string): SplitFrontMatter {
  // One line ending everywhere, so step lines and the body agree whatever the editor wrote.
  const source = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  const lines = source.split('\n');
  if (!OPENING.test(lines[0] ?? ''))
    return { ok: true, yaml: undefined, yamlLine: 1, body: source };
  const end = lines.findIndex((line, index) => index > 0 && CLOSING.test(line));
  if (end < 0) {
    return {
      ok: false,
      message: 'front matter opens with --- on line 1 but has no closing --- line',
    };
  }
  return {
    ok: true,
    yaml: lines.slice(1, end).join('\n'),
    yamlLine: 2,
    body: lines.slice(end + 1).join('\n'),
  };
}
