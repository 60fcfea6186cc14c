import type { Heading, Nodes, Root } from 'mdast';

/**
 * Prefix of every id the rendered runbook puts in the page: the same one GitHub uses for user
 * content and remark-rehype uses for footnotes. Ids taken from untrusted Markdown must not
 * clash with the app's own ids or with `window` globals (DOM clobbering).
 */
export const RUNBOOK_ID_PREFIX = 'user-content-';

/**
 * The anchor a heading gets, as GitHub makes it: lower case, punctuation dropped, spaces turned
 * into dashes, so `#roll-back-the-deploy` written for a forge finds the same section here.
 * @param text - the heading's text
 */
export function headingSlug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * The text of a Markdown node, as a heading's anchor is made from it.
 * @param node - any mdast node
 */
export function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child)).join('');
  return '';
}

/**
 * A remark plugin giving every heading an `id` ({@link RUNBOOK_ID_PREFIX} + its slug; repeats
 * get `-1`, `-2`, … as on GitHub), so `#section` links and a runbook_url's fragment can scroll
 * to it.
 */
export function remarkHeadingIds() {
  return (tree: Root): void => {
    const seen = new Map<string, number>();
    const visit = (node: Nodes): void => {
      if (node.type === 'heading') setId(node, seen);
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(tree);
  };
}

function setId(heading: Heading, seen: Map<string, number>): void {
  const slug = headingSlug(textOf(heading));
  const count = seen.get(slug) ?? 0;
  seen.set(slug, count + 1);
  const unique = count === 0 ? slug : `${slug}-${count}`;
  heading.data = {
    ...heading.data,
    hProperties: { ...heading.data?.hProperties, id: RUNBOOK_ID_PREFIX + unique },
  };
}

/**
 * The element id a `#fragment` (from a link in the runbook, or the alert's runbook_url) names.
 * @param fragment - the fragment, without `#`, decoded
 */
export function anchorId(fragment: string): string {
  return fragment.startsWith(RUNBOOK_ID_PREFIX) ? fragment : RUNBOOK_ID_PREFIX + fragment;
}

/**
 * A remark plugin dropping the body's first heading when it is an H1 that only repeats the
 * title the page already shows (`# Checkout errors` under a title "Checkout errors").
 * @param title - the runbook's title
 */
export function remarkDropRepeatedTitle(title: string) {
  return (tree: Root): void => {
    const first = tree.children[0];
    if (first?.type === 'heading' && first.depth === 1 && textOf(first).trim() === title.trim()) {
      tree.children.shift();
    }
  };
}
