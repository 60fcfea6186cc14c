import { describe, expect, it } from 'vitest';
import { extractSteps } from '../../../../../src/main/services/runbooks/extract-steps';
import { parseMarkdown } from '../../../../../src/main/services/runbooks/parse-markdown';

const steps = (markdown: string) => extractSteps(parseMarkdown(markdown));

describe('extractSteps', () => {
  it('takes task list items and ordered list items, with their kind, state and line', () => {
    const found = steps('# T\n\n- [ ] open\n- [x] done\n\n1. first\n2. second\n');
    expect(
      found.map(({ text, kind, checkedInFile, line }) => ({ text, kind, checkedInFile, line })),
    ).toEqual([
      { text: 'open', kind: 'task', checkedInFile: false, line: 3 },
      { text: 'done', kind: 'task', checkedInFile: true, line: 4 },
      { text: 'first', kind: 'numbered', checkedInFile: false, line: 6 },
      { text: 'second', kind: 'numbered', checkedInFile: false, line: 7 },
    ]);
  });

  it('treats a task inside an ordered list as a task', () => {
    expect(steps('1. [ ] check\n').map((step) => step.kind)).toEqual(['task']);
  });

  it('does not take plain bullets, but finds step lists nested in them', () => {
    const found = steps('- plain\n- also plain\n  - [ ] nested task\n  1. nested number\n');
    expect(found.map((step) => step.text)).toEqual(['nested task', 'nested number']);
  });

  it('keeps sub-items and code blocks in the text of the top-level step', () => {
    const found = steps(
      '1. Drain the node\n   - cordon it\n   - [ ] evict the pods\n2. Restart:\n\n   ```sh\n   kubectl rollout restart deploy/api\n   ```\n',
    );
    expect(found.map((step) => step.text)).toEqual([
      'Drain the node\n- cordon it\n- [ ] evict the pods',
      'Restart:\nkubectl rollout restart deploy/api',
    ]);
  });

  it('finds steps inside block quotes', () => {
    expect(steps('> 1. quoted step\n').map((step) => step.text)).toEqual(['quoted step']);
  });

  it('keeps raw HTML in a step as its literal characters: plain text, never markup', () => {
    const [step] = steps(
      '- [ ] Check <img src=x onerror=alert(1)> the pods\n- [ ] <script>alert(1)</script>\n',
    );
    expect(step?.text).toBe('Check <img src=x onerror=alert(1)> the pods');
    expect(steps('1. <script>alert(1)</script>\n')[0]?.text).toBe('<script>alert(1)</script>');
  });

  it('reduces emphasis, links and code spans to their text', () => {
    expect(
      steps('1. Tell **the channel** with a [link](https://x.example) and `code`\n')[0]?.text,
    ).toBe('Tell the channel with a link and code');
  });
});

describe('step ids', () => {
  const base = '# Runbook\n\n- [ ] first\n- [ ] second\n\n1. third\n';
  const ids = (markdown: string) => steps(markdown).map((step) => step.id);

  it('stay the same when an unrelated paragraph is added above', () => {
    const edited = base.replace('# Runbook\n', '# Runbook\n\nA new paragraph\nover two lines.\n');
    expect(ids(edited)).toEqual(ids(base));
    expect(steps(edited).map((step) => step.line)).not.toEqual(
      steps(base).map((step) => step.line),
    );
  });

  it('stay the same for the other steps when a step is added or reflowed', () => {
    const added = base.replace('- [ ] first\n', '- [ ] zeroth\n- [ ] first\n');
    expect(ids(added).slice(1)).toEqual(ids(base));
    const reflowed = base.replace('- [ ] second', '- [ ]   second');
    expect(ids(reflowed)).toEqual(ids(base));
  });

  it('change when the step itself is edited', () => {
    const edited = base.replace('second', 'second, carefully');
    expect(ids(edited)[1]).not.toBe(ids(base)[1]);
    expect([ids(edited)[0], ids(edited)[2]]).toEqual([ids(base)[0], ids(base)[2]]);
  });

  it('tell identical steps apart', () => {
    const found = ids('- [ ] check the dashboard\n\n1. restart\n2. check the dashboard\n');
    expect(new Set(found).size).toBe(3);
  });
});
