import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../../../src/main/services/runbooks/markdown-depth';
import { parseMarkdown } from '../../../../../src/main/services/runbooks/parse-markdown';

describe('nestsDeeperThan', () => {
  it('counts levels below the root: a paragraph with text is two', () => {
    const tree = parseMarkdown('text\n');
    expect(nestsDeeperThan(tree, 2)).toBe(false);
    expect(nestsDeeperThan(tree, 1)).toBe(true);
  });

  it('finds the deep branch among shallow ones', () => {
    const tree = parseMarkdown(`# Title\n\nplain\n\n${'> '.repeat(20)}deep\n\nplain\n`);
    expect(nestsDeeperThan(tree, 10)).toBe(true);
    expect(nestsDeeperThan(tree, 30)).toBe(false);
  });

  it('walks a tree far deeper than the call stack allows without overflowing', () => {
    let node = { type: 'text', value: 'x' } as never;
    for (let level = 0; level < 200_000; level += 1) {
      node = { type: 'blockquote', children: [node] } as never;
    }
    expect(nestsDeeperThan({ type: 'root', children: [node] }, 100)).toBe(true);
  });
});
