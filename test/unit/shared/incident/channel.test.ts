import { describe, expect, it } from 'vitest';
import {
  MAX_CHANNEL_LENGTH,
  slugTitle,
  suggestChannelName,
} from '../../../../src/shared/incident/channel';

const declared = '2025-03-04T14:30:00.000Z';

describe('suggestChannelName', () => {
  it('is #inc-YYYYMMDD-short-title', () => {
    expect(suggestChannelName('Checkout errors spike', declared)).toBe(
      '#inc-20250304-checkout-errors-spike',
    );
  });

  it('slugs punctuation, case and accents away', () => {
    expect(slugTitle('  API: 5xx on /v2/orders (EU)!! ')).toBe('api-5xx-on-v2-orders-eu');
    expect(slugTitle('Zürich façade — Ærø')).toBe('zurich-facade-r');
    expect(slugTitle('HighErrorRate')).toBe('higherrorrate');
  });

  it('dates the channel in the team’s time zone', () => {
    // 23:30 UTC on the 4th is already the 5th in Tokyo.
    expect(suggestChannelName('db down', '2025-03-04T23:30:00Z', 'Asia/Tokyo')).toBe(
      '#inc-20250305-db-down',
    );
    expect(suggestChannelName('db down', '2025-03-04T23:30:00Z', 'Not/AZone')).toBe(
      '#inc-20250304-db-down',
    );
  });

  it('stays within 80 characters, cut at a word boundary', () => {
    const title =
      'the payment service is returning errors for every customer in every region today';
    const name = suggestChannelName(title, declared);
    expect(name.length).toBeLessThanOrEqual(MAX_CHANNEL_LENGTH);
    expect(name).toBe(
      '#inc-20250304-the-payment-service-is-returning-errors-for-every-customer-in',
    );
    const oneWord = suggestChannelName('x'.repeat(200), declared);
    expect(oneWord).toHaveLength(MAX_CHANNEL_LENGTH);
    expect(oneWord.endsWith('-')).toBe(false);
  });

  it('leaves the title part out when nothing is left of it', () => {
    expect(suggestChannelName('!!!', declared)).toBe('#inc-20250304');
    expect(suggestChannelName('数据库', declared)).toBe('#inc-20250304');
  });
});
