import type { List, Nodes } from 'mdast';

const INDENT = '  ';

function listText(list: List): string {
  const start = list.start ?? 1;
  return list.children
    .map((item, index) => {
      const marker = list.ordered ? `${start + index}.` : '-';
      const box = item.checked === true ? ' [x]' : item.checked === false ? ' [ ]' : '';
      const [first = '', ...rest] = plainText(item).split('\n');
      return [`${marker}${box} ${first}`, ...rest.map((line) => INDENT + line)].join('\n');
    })
    .join('\n');
}

/**
 * The text of a Markdown node for a label or a title: emphasis, links and code spans are
 * reduced to their text; raw HTML stays as its literal characters (so `<img onerror=…>` reads
 * as text and is never interpreted); blocks go on their own lines and nested lists keep their
 * markers, so a step's sub-items stay readable.
 * @param node - any mdast node
 */
export function plainText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'html':
      return node.value;
    case 'code':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
      return node.alt ?? '';
    case 'footnoteReference':
      return `[^${node.identifier}]`;
    case 'thematicBreak':
    case 'definition':
    case 'footnoteDefinition':
    case 'yaml':
      return '';
    case 'list':
      return listText(node);
    case 'table':
      return node.children.map((row) => plainText(row)).join('\n');
    case 'tableRow':
      return node.children.map((cell) => plainText(cell)).join(' | ');
    case 'root':
    case 'blockquote':
    case 'listItem':
      return node.children
        .map((child) => plainText(child))
        .filter((text) => text !== '')
        .join('\n');
    default:
      // Inline containers: paragraph, heading, emphasis, strong, delete, link, tableCell, …
      return node.children.map((child) => plainText(child)).join('');
  }
}
