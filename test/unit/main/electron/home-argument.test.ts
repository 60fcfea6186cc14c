import { describe, expect, it } from 'vitest';
import { homeArgument } from '../../../../src/main/services/shell/home-argument';

describe('--home', () => {
  it('reads --home DIR and --home=DIR among Electron’s own arguments; the last wins', () => {
    expect(homeArgument(['/usr/bin/electron', '.', '--home', '/tmp/a'])).toBe('/tmp/a');
    expect(homeArgument(['/opt/app/oncall-companion', '--home=/tmp/b'])).toBe('/tmp/b');
    expect(homeArgument(['x', '--home', '/tmp/a', '--home=/tmp/b'])).toBe('/tmp/b');
  });

  it('is undefined when absent, empty, or missing its value', () => {
    expect(homeArgument(['/usr/bin/electron', '.'])).toBeUndefined();
    expect(homeArgument(['x', '--home='])).toBeUndefined();
    expect(homeArgument(['x', '--home'])).toBeUndefined();
    expect(homeArgument(['x', '--home', '--enable-logging'])).toBeUndefined();
  });
});
