import { describe, expect, it } from 'vitest';
import { parseRunbook } from '../../../../../src/main/services/runbooks/parse-runbook';

const parse = (text: string, id = 'team/disk-full.md') =>
  parseRunbook({ id, file: `/rb/${id}`, text });

describe('parseRunbook', () => {
  it('builds the runbook from front matter and body', () => {
    const runbook = parse(
      '---\ntitle: Disk full\nmatch:\n  alertname: DiskFull\nseverity: warning\nowner: infra\ntags: [disk]\n---\n\n# Heading\n\n- [ ] free space\n',
    );
    expect(runbook).toEqual({
      id: 'team/disk-full.md',
      title: 'Disk full',
      match: { alertname: 'DiskFull' },
      severity: 'warning',
      owner: 'infra',
      tags: ['disk'],
      steps: [expect.objectContaining({ text: 'free space', line: 4 })],
      body: '\n# Heading\n\n- [ ] free space\n',
      file: '/rb/team/disk-full.md',
    });
  });

  it('takes the title from the first level-1 heading, else the file name', () => {
    expect(parse('---\nmatch: {}\n---\n## Sub\n\n# Main `title`\n').title).toBe('Main title');
    expect(parse('Just text\n').title).toBe('disk-full');
  });

  it('lists a file without front matter as a document that matches nothing', () => {
    const runbook = parse('# Notes\n\n1. step\n');
    expect(runbook.match).toEqual({});
    expect(runbook.error).toBeUndefined();
    expect(runbook.steps).toHaveLength(1);
  });

  it('keeps the body and steps of a file whose front matter is broken, with the error', () => {
    const runbook = parse('---\nmatch: [oops\n---\n# Still useful\n\n- [ ] step\n');
    expect(runbook.error).toMatch(/^front matter is not valid YAML/);
    expect(runbook.match).toEqual({});
    expect(runbook.title).toBe('Still useful');
    expect(runbook.steps.map((step) => step.text)).toEqual(['step']);
  });

  it('keeps raw HTML in the body as text for the renderer to show without rendering it', () => {
    const body = '<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>\n';
    expect(parse(`---\nmatch: {}\n---\n${body}`).body).toBe(body);
  });

  it('lists a body nested too deep to render as broken, without the body (issue 10)', () => {
    // 2,500 nested quotes overflowed the renderer's stack and blanked the window.
    const runbook = parse(`---\nmatch:\n  alertname: Deep\n---\n${'>'.repeat(2500)} deep\n`);
    expect(runbook.error).toMatch(/nests more than 100 levels deep.*flatten it/);
    expect(runbook.body).toBe('');
    expect(runbook.match).toEqual({});
  });

  it('keeps a runbook with ordinary nesting', () => {
    const nested = Array.from({ length: 10 }, (_, level) => `${'  '.repeat(level)}- item`);
    const runbook = parse(
      `---\nmatch: {}\n---\n> ${'> '.repeat(5)}quote\n\n${nested.join('\n')}\n`,
    );
    expect(runbook.error).toBeUndefined();
  });
});
