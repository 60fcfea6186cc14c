import { describe, expect, it } from 'vitest';
import { carryTemplateChange } from '../../../../../src/renderer/features/incident/status-updates/carry-template-change';

const text = (...lines: string[]) => lines.join('\n');

describe('carryTemplateChange', () => {
  const before = text('Investigating — 14:30', '', '(news)', '', 'Next update by 15:00.');

  it('replaces a changed line the writer left as it was, and nothing else', () => {
    const edited = text('Investigating — 14:30', '', 'Rolled back.', '', 'Next update by 15:00.');
    const after = text('Identified — 14:30', '', '(news)', '', 'Next update by 15:00.');
    expect(carryTemplateChange(edited, before, after)).toEqual({
      text: text('Identified — 14:30', '', 'Rolled back.', '', 'Next update by 15:00.'),
      skipped: 0,
    });
  });

  it('removes a line the template dropped, and adds one back beside its neighbour', () => {
    const edited = text(
      'Investigating — 14:30',
      '',
      'One.',
      '',
      'Two.',
      '',
      'Next update by 15:00.',
    );
    const dropped = text('Resolved — 14:30', '', '(news)');
    const resolved = carryTemplateChange(edited, before, dropped).text;
    expect(resolved).toBe(text('Resolved — 14:30', '', 'One.', '', 'Two.'));
    const withSign = text('A', '(news)', 'Signed, the team');
    const withPromise = text('A', '(news)', 'Next update by 15:00.', 'Signed, the team');
    expect(
      carryTemplateChange(text('A', 'My news', 'Signed, the team'), withSign, withPromise).text,
    ).toBe(text('A', 'My news', 'Next update by 15:00.', 'Signed, the team'));
  });

  it('counts a change it could not place because the writer reworded that line', () => {
    const edited = text('We are on it', '', 'Rolled back.');
    const after = text('Identified — 14:30', '', '(news)', '', 'Next update by 15:00.');
    expect(carryTemplateChange(edited, before, after)).toEqual({ text: edited, skipped: 1 });
  });
});
