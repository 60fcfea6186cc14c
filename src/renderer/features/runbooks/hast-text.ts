import type { ExtraProps } from 'react-markdown';

/** An element of the rendered (hast) tree, as react-markdown hands it to a component. */
export type HastElement = NonNullable<ExtraProps['node']>;

/**
 * The text of a rendered element, for the copy button of a code block: the characters exactly as
 * written in the Markdown, without the final newline the parser keeps.
 * @param node - a `pre` (or any) element
 */
export function hastText(node: HastElement | undefined): string {
  if (node === undefined) return '';
  const collect = (child: HastElement['children'][number]): string => {
    if (child.type === 'text') return child.value;
    if (child.type === 'element') return child.children.map(collect).join('');
    return '';
  };
  return node.children.map(collect).join('').replace(/\n$/, '');
}
