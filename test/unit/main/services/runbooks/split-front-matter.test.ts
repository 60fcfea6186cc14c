import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../../../src/main/services/runbooks/split-front-matter';

describe('splitFrontMatter', () => {
  it('cuts the YAML between the --- lines off the body', () => {
    expect(splitFrontMatter('---\nmatch: {}\n---\n# Title\n')).toEqual({
      ok: true,
      yaml: 'match: {}',
      yamlLine: 2,
      body: '# Title\n',
    });
  });

  it('accepts ... as the closing line, a byte order mark and CRLF line ends', () => {
    expect(splitFrontMatter('\uFEFF---\r\ntitle: x\r\n...\r\nbody\r\n')).toEqual({
      ok: true,
      yaml: 'title: x',
      yamlLine: 2,
      body: 'body\n',
    });
  });

  it('treats a file without a --- first line as all body', () => {
    expect(splitFrontMatter('# Title\n\n---\n\nmore')).toEqual({
      ok: true,
      yaml: undefined,
      yamlLine: 1,
      body: '# Title\n\n---\n\nmore',
    });
  });

  it('reports front matter that is never closed', () => {
    const split = splitFrontMatter('---\nmatch: {}\n# Title\n');
    expect(split).toEqual({ ok: false, message: expect.stringContaining('no closing ---') });
  });
});
