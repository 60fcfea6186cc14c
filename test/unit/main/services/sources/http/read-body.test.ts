import { describe, expect, it } from 'vitest';
import { readBodyText } from '../../../../../../src/main/services/sources/http/read-body';

const chunked = (text: string) =>
  new Response(
    new ReadableStream({
      start(controller) {
        for (const part of text.match(/.{1,100}/gs) ?? [])
          controller.enqueue(new TextEncoder().encode(part));
        controller.close();
      },
    }),
  );

describe('readBodyText', () => {
  it('reads a body in pieces as UTF-8, multi-byte characters included', async () => {
    const text = `[{"summary":"${'Füllstand kritisch — 97 % '.repeat(20)}"}]`;
    expect(
      await readBodyText(chunked(text), 1_000_000, 'http://am', 'is this URL an Alertmanager?'),
    ).toBe(text);
  });

  it('refuses a body larger than the limit, announced or not', async () => {
    const big = 'x'.repeat(5_000);
    await expect(
      readBodyText(
        new Response(big, { headers: { 'content-length': '5000' } }),
        1_000,
        'http://am',
        'is this URL an Alertmanager?',
      ),
    ).rejects.toThrow(/^http:\/\/am answered more than 1 KiB — is this URL an Alertmanager\?$/);
    await expect(
      readBodyText(chunked(big), 1_000, 'http://am', 'is this URL an Alertmanager?'),
    ).rejects.toThrow(/^http:\/\/am answered more than/);
  });
});
