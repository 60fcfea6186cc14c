import { describe, expect, it } from 'vitest';
import {
  readStatusUpdateEntry,
  statusUpdateEntryText,
} from '../../../../src/shared/incident/status-update-entry';

describe('status update entries', () => {
  it('reads back the audience and phase it wrote', () => {
    const text = statusUpdateEntryText('Fixed.', { audience: 'status-page', phase: 'resolved' });
    expect(text).toBe('Status update (status page, resolved): Fixed.');
    expect(readStatusUpdateEntry(text)).toEqual({ audience: 'status-page', phase: 'resolved' });
    expect(readStatusUpdateEntry(statusUpdateEntryText('x', {}))).toEqual({});
    expect(readStatusUpdateEntry(statusUpdateEntryText('x', { audience: 'resolution' }))).toEqual({
      audience: 'resolution',
    });
  });

  it('reads nothing from other text', () => {
    expect(readStatusUpdateEntry('Status: investigating → resolved')).toBeUndefined();
  });
});
