// Every text colour of the theme against every background it is used on, in both themes:
// WCAG AA, 4.5:1 for text (3:1 for the large check mark of the empty state).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(path.join(__dirname, '../../../src/renderer/styles/theme.css'), 'utf8');

/** `--name` → [light, dark] from `--name: light-dark(#l, #d)` or `--name: #c`. */
function palette(): Map<string, [string, string]> {
  const vars = new Map<string, [string, string]>();
  for (const m of css.matchAll(
    /(--[\w-]+):\s*light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)/gi,
  )) {
    vars.set(m[1]!, [m[2]!, m[3]!]);
  }
  for (const m of css.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi))
    vars.set(m[1]!, [m[2]!, m[2]!]);
  return vars;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const surfaces = ['--bg', '--surface', '--surface-hover', '--surface-selected', '--surface-sunken'];
const PAIRS: Array<[string, string, number?]> = [
  ...[...surfaces, '--sev1-tint', '--danger-bg', '--warn-bg'].map((bg): [string, string] => [
    '--text',
    bg,
  ]),
  ...[...surfaces, '--sev1-tint', '--danger-bg'].map((bg): [string, string] => [
    '--text-muted',
    bg,
  ]),
  ...['--bg', '--surface', '--surface-sunken', '--danger-bg', '--warn-bg'].map(
    (bg): [string, string] => ['--accent', bg],
  ),
  ['--accent-contrast', '--accent'],
  ...['--bg', '--surface', '--surface-hover'].map((bg): [string, string] => ['--ok', bg]),
  ...[...surfaces, '--danger-bg', '--sev1-tint'].map((bg): [string, string] => ['--danger', bg]),
  ['--warn', '--warn-bg'],
  ['--pending', '--surface'],
  ['--chip-text', '--chip-bg'],
  ['--chip-key', '--chip-bg'],
  ['--sev1-fg', '--sev1-bg'],
  ['--sev2-fg', '--sev2-bg'],
  ['--sev3-fg', '--sev3-bg'],
  ['--sev4-fg', '--sev4-bg'],
  ['--on-ok-dot', '--ok-dot', 3],
];

describe('theme contrast (WCAG AA)', () => {
  const vars = palette();
  it('parses the palette', () => {
    expect(vars.size).toBeGreaterThan(25);
  });

  for (const [themeIndex, theme] of [
    [0, 'light'],
    [1, 'dark'],
  ] as const) {
    it.each(PAIRS)(`${theme}: %s on %s`, (fg, bg, min = 4.5) => {
      const f = vars.get(fg)?.[themeIndex];
      const b = vars.get(bg)?.[themeIndex];
      expect(f, fg).toBeDefined();
      expect(b, bg).toBeDefined();
      expect(contrast(f!, b!), `${fg} ${f} on ${bg} ${b}`).toBeGreaterThanOrEqual(min);
    });
  }
});
