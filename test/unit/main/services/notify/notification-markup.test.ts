import { describe, expect, it } from 'vitest';
import { escapeNotificationMarkup } from '../../../../../src/main/services/notify/notification-markup';

describe('escapeNotificationMarkup', () => {
  it('keeps an ordinary comparison readable on daemons that parse markup', () => {
    expect(escapeNotificationMarkup('p99 < 200ms & rising')).toBe('p99 &lt; 200ms &amp; rising');
  });

  it('turns a link in alert text into text, so the daemon cannot make it clickable', () => {
    expect(escapeNotificationMarkup('<a href="https://evil.example">docs</a>')).toBe(
      '&lt;a href="https://evil.example"&gt;docs&lt;/a&gt;',
    );
  });

  it('escapes an ampersand once, so entities already in the text read as written', () => {
    expect(escapeNotificationMarkup('&lt;')).toBe('&amp;lt;');
  });
});
