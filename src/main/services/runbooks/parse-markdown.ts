import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/**
 * Parses Markdown into an mdast tree with GitHub Flavored Markdown (task list items carry
 * `checked`). The same parser family as remark-gfm, so lines and list structure agree with what
 * a remark-based renderer sees. Raw HTML becomes `html` nodes: kept as text, never interpreted.
 * @param markdown - the runbook body
 */
export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}
