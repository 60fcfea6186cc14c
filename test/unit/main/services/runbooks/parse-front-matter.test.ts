import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../../../src/main/services/runbooks/parse-front-matter';

describe('parseFrontMatter', () => {
  it('gives the validated front matter', () => {
    const parsed = parseFrontMatter(
      'title: Checkout\nmatch:\n  alertname: HighErrorRate\n  service: [checkout, cart]\ntags: [payments]\n',
      2,
    );
    expect(parsed).toEqual({
      ok: true,
      value: {
        title: 'Checkout',
        match: { alertname: 'HighErrorRate', service: ['checkout', 'cart'] },
        tags: ['payments'],
      },
    });
  });

  it('reports a YAML error at its line in the file, without the code frame', () => {
    const parsed = parseFrontMatter('title: x\nmatch:\n  alertname: [Disk\n', 2);
    expect(parsed.ok).toBe(false);
    const message = parsed.ok ? '' : parsed.message;
    expect(message).toMatch(/^front matter is not valid YAML \(line \d+, column \d+\): \S/);
    expect(message).not.toContain('\n');
  });

  it('reports a duplicate key with the line it is on', () => {
    const parsed = parseFrontMatter('match: {}\ntitle: a\ntitle: b\n', 2);
    expect(parsed).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^front matter is not valid YAML \(line 4, column 1\): Map keys must be unique/,
      ),
    });
  });

  it('reports a duplicate key inside a nested map, naming it', () => {
    const parsed = parseFrontMatter('match:\n  service: a\n  team: b\n  service: c\n', 2);
    expect(parsed).toEqual({
      ok: false,
      message:
        'front matter is not valid YAML (line 5, column 3): Map keys must be unique; "service" is written twice',
    });
  });

  it('refuses front matter over 64 KiB, saying the limit (issue 10)', () => {
    const keys = Array.from({ length: 8000 }, (_, index) => `k${index}: v`);
    const parsed = parseFrontMatter(['match: {}', ...keys].join('\n'), 2);
    expect(parsed).toEqual({
      ok: false,
      message: expect.stringMatching(/^front matter is \d+ KiB; the limit is 64 KiB/),
    });
  });

  it.each([
    ['tags: disk\nmatch: {}', '`tags`: expected array, received string'],
    ['match: HighErrorRate', '`match`: expected a map of label name → value'],
    [
      'match:\n  pod:\n    regex: "("',
      '`match.pod.regex`: is not a regular expression the linear-time matcher (RE2) accepts',
    ],
    ['title: x', '`match`'],
  ])('names the field that has the wrong type in %j', (yaml, expected) => {
    const parsed = parseFrontMatter(yaml, 2);
    expect(parsed).toEqual({ ok: false, message: expect.stringContaining(expected) });
  });

  it('refuses front matter that is not a map', () => {
    expect(parseFrontMatter('- a\n- b', 2)).toEqual({
      ok: false,
      message: expect.stringContaining('must be a YAML map'),
    });
    expect(parseFrontMatter('', 2).ok).toBe(false);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 0; level < 8; level += 1) {
      const previous = level === 0 ? 'a' : `l${level - 1}`;
      lines.push(`l${level}: &l${level} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    lines.push('match: {}');
    expect(parseFrontMatter(lines.join('\n'), 2)).toEqual({
      ok: false,
      message: expect.stringContaining('front matter cannot be read'),
    });
  });
});
