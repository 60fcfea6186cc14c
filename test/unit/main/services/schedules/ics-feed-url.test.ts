import { describe, expect, it } from 'vitest';
import { feedUrl, shownFeedUrl } from '../../../../../src/main/services/schedules/ics-feed-url';

describe('feedUrl', () => {
  it('fetches a webcal:// link (what PagerDuty and calendar apps hand out) over https', () => {
    expect(feedUrl(' webcal://acme.pagerduty.com/private/tok/feed/P1 ').href).toBe(
      'https://acme.pagerduty.com/private/tok/feed/P1',
    );
  });

  it('keeps http and https as they are', () => {
    expect(feedUrl('http://127.0.0.1:8080/api/v2/calendar?token=x').protocol).toBe('http:');
  });

  it('refuses other schemes and non-URLs, saying what to give', () => {
    expect(() => feedUrl('file:///etc/passwd')).toThrow(/https, http or webcal, not file/);
    expect(() => feedUrl('on call')).toThrow(/not a URL: give the feed’s address/);
  });
});

describe('shownFeedUrl', () => {
  it('shows scheme and host only: the path and query of a private feed are its password', () => {
    const url = feedUrl('https://goalert.example.com/api/v2/calendar?token=secret');
    expect(shownFeedUrl(url)).toBe('https://goalert.example.com/…');
  });
});
