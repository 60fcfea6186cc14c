import type { Nodes } from 'mdast';

/**
 * How deep a runbook's Markdown may nest (quotes in quotes, lists in lists, emphasis in links,
 * …), counted in tree levels below the root. A real runbook stays far below it (a list nested
 * ten deep is about twenty levels); the renderer's Markdown pipeline recurses once per level and
 * overflowed the stack at 2,500 nested `>` (issue 10), blanking the window.
 */
export const MAX_MARKDOWN_DEPTH = 100;

/**
 * Whether a parsed Markdown tree nests deeper than `limit` levels. Walks with its own stack
 * rather than recursion, so the check itself cannot overflow on the trees it exists to refuse.
 * @param tree - the mdast root
 * @param limit - the deepest level allowed
 */
export function nestsDeeperThan(tree: Nodes, limit: number): boolean {
  const pending: { node: Nodes; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > limit) return true;
    if ('children' in next.node) {
      for (const child of next.node.children) pending.push({ node: child, depth: next.depth + 1 });
    }
  }
  return false;
}
