import type { PageContent } from './page-content';
import { followUpState, truncate } from './page-content';
import { secretUrl, type OutboundRequest } from './outbound-request';

/** Slack's limit on a section block's text. */
const MAX_SECTION_CHARS = 3000;

/**
 * Escape what Slack reads as markup in `text` (its docs: &, < and >), so an alert's text can
 * never mention `<!channel>` or make a link.
 * @param text - untrusted text
 */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function headline(content: PageContent): string {
  if (content.action === 'test') return 'Test page from On-Call Companion';
  const state = content.action === 'trigger' ? content.severityName : followUpState(content);
  return `[${state}] ${content.title}`;
}

function details(content: PageContent): string {
  const lines = [
    ...(content.summary ? [content.summary] : []),
    ...Object.entries(content.labels.fields).map(([name, value]) => `${name}=${value}`),
    ...(content.labels.omitted > 0 ? [`(${content.labels.omitted} more labels)`] : []),
  ];
  return truncate(lines.join('\n') || content.title, MAX_SECTION_CHARS);
}

function context(content: PageContent): string {
  const parts = [`source ${content.sourceId}`, `firing since ${content.startsAt}`];
  if (content.level !== undefined) parts.push(`escalation level ${content.level}`);
  if (content.repeat) parts.push(`repeat ${content.repeat}`);
  return parts.join(' · ');
}

/**
 * A Slack incoming-webhook message as Slack's docs show it: `text` (the notification's
 * fallback) and `blocks` (a header, the details as plain text, a context line, and a button to
 * the alert when it has an http(s) link). Untrusted text goes in `plain_text` objects, which
 * Slack does not format, and is escaped in `text`.
 * @param webhookUrl - the stored webhook URL (the secret)
 * @param channelName - for messages
 * @param content - the bounded page
 */
export function slackRequest(
  webhookUrl: string,
  channelName: string,
  content: PageContent,
): OutboundRequest {
  const title = truncate(headline(content), 150);
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: title, emoji: false } },
    { type: 'section', text: { type: 'plain_text', text: details(content), emoji: false } },
    { type: 'context', elements: [{ type: 'plain_text', text: context(content), emoji: false }] },
  ];
  if (content.url) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Open alert' },
          url: content.url,
        },
      ],
    });
  }
  return {
    url: secretUrl(webhookUrl, channelName),
    json: { text: slackEscape(title), blocks },
    peer: { name: 'Slack', check: 'is this a Slack incoming webhook URL?' },
    shown: `the Slack webhook of ${channelName}`,
  };
}
