import type { List, ListItem, Nodes, Root } from 'mdast';
import type { RunbookStep } from '../../../shared/domain/runbook';
import { plainText } from './plain-text';
import { stepIds } from './step-ids';

function isStep(list: List, item: ListItem): boolean {
  return typeof item.checked === 'boolean' || list.ordered === true;
}

/**
 * The tickable steps of a runbook: GFM task list items (`- [ ]`, `- [x]`) and ordered list
 * items. The outermost such items are the steps; their sub-items stay in the step's text. A plain
 * bullet is not a step, but step lists nested inside one are found.
 * @param tree - the parsed body
 * @returns the steps in document order; `line` is the item's line in the body
 */
export function extractSteps(tree: Root): RunbookStep[] {
  const found: Omit<RunbookStep, 'id'>[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'list') {
      for (const item of node.children) {
        if (!isStep(node, item)) {
          visit(item);
          continue;
        }
        found.push({
          text: plainText(item),
          kind: typeof item.checked === 'boolean' ? 'task' : 'numbered',
          checkedInFile: item.checked === true,
          line: item.position?.start.line ?? 1,
        });
      }
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  const ids = stepIds(found.map((step) => step.text));
  return found.map((step, index) => ({ id: ids[index] ?? String(index), ...step }));
}
