import type { Heading, Root } from 'mdast';
import type { Runbook } from '../../../shared/domain/runbook';
import { extractSteps } from './extract-steps';
import { MAX_MARKDOWN_DEPTH, nestsDeeperThan } from './markdown-depth';
import { parseFrontMatter } from './parse-front-matter';
import { parseMarkdown } from './parse-markdown';
import { plainText } from './plain-text';
import { splitFrontMatter } from './split-front-matter';

/** One runbook file as read from disk. */
export interface RunbookSource {
  /** Path relative to the folder, `/`-separated. */
  id: string;
  /** Path on disk. */
  file: string;
  /** The decoded content. */
  text: string;
}

function firstHeading(tree: Root): string | undefined {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const best = headings.find((heading) => heading.depth === 1) ?? headings[0];
  const text = best === undefined ? '' : plainText(best).trim();
  return text === '' ? undefined : text;
}

function fileTitle(id: string): string {
  return (id.split('/').pop() ?? id).replace(/\.md$/i, '');
}

/**
 * Parses one runbook file on its own, so a broken file never stops the others. A file without
 * front matter is a plain document: listed and reachable by `runbook_url`, never matched. When
 * the front matter is broken, the body and steps are still read (an engineer at 3 a.m. can use
 * the text) but `match` is empty and `error` says what to fix.
 * @param source - the file's id, path and text
 */
export function parseRunbook(source: RunbookSource): Runbook {
  const split = splitFrontMatter(source.text);
  if (!split.ok) {
    return {
      id: source.id,
      title: fileTitle(source.id),
      match: {},
      tags: [],
      steps: [],
      body: source.text,
      file: source.file,
      error: split.message,
    };
  }
  const tree = parseMarkdown(split.body);
  if (nestsDeeperThan(tree, MAX_MARKDOWN_DEPTH)) {
    // The body is left out: the renderer would overflow its stack drawing it.
    return {
      id: source.id,
      title: fileTitle(source.id),
      match: {},
      tags: [],
      steps: [],
      body: '',
      file: source.file,
      error: `the Markdown nests more than ${MAX_MARKDOWN_DEPTH} levels deep (quotes or lists inside each other), too deep to show safely; flatten it in an editor`,
    };
  }
  const base = {
    id: source.id,
    steps: extractSteps(tree),
    body: split.body,
    file: source.file,
  };
  const fallbackTitle = firstHeading(tree) ?? fileTitle(source.id);
  if (split.yaml === undefined) return { ...base, title: fallbackTitle, match: {}, tags: [] };

  const frontMatter = parseFrontMatter(split.yaml, split.yamlLine);
  if (!frontMatter.ok) {
    return { ...base, title: fallbackTitle, match: {}, tags: [], error: frontMatter.message };
  }
  const { title, match, severity, owner, tags } = frontMatter.value;
  return {
    ...base,
    title: title ?? fallbackTitle,
    match,
    ...(severity === undefined ? {} : { severity }),
    ...(owner === undefined ? {} : { owner }),
    tags: tags ?? [],
  };
}
