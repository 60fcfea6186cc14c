import type { Severity } from '../../../shared/domain/severity';
import type { PageContent } from './page-content';
import { followUpState, truncate } from './page-content';
import { ChannelSetupError, secretUrl, type OutboundRequest } from './outbound-request';

/** ntfy's priorities (1 min … 5 max) for ours: a SEV1 is "urgent" and rings through. */
const NTFY_PRIORITY: Record<Severity, number> = { sev1: 5, sev2: 4, sev3: 3, sev4: 2 };

/** ntfy's emoji tag for each action (its tag list): a page, someone on it, done, a test. */
const NTFY_TAG: Record<PageContent['action'], string> = {
  trigger: 'rotating_light',
  acknowledge: 'eyes',
  resolve: 'white_check_mark',
  test: 'test_tube',
};

/**
 * An ntfy message published as JSON (`POST` to the server's root with `topic` in the body, as
 * ntfy's docs describe), which carries any text, where headers would need it encoded. The stored
 * secret is the topic's URL (`https://ntfy.sh/<topic>`): on a public server, knowing the topic
 * is all it takes to read or send.
 * @param topicUrl - the stored topic URL (the secret)
 * @param channelName - for messages
 * @param content - the bounded page
 */
export function ntfyRequest(
  topicUrl: string,
  channelName: string,
  content: PageContent,
): OutboundRequest {
  const url = secretUrl(topicUrl, channelName);
  const segments = url.pathname.split('/').filter((part) => part !== '');
  const topic = segments.pop();
  if (!topic || !/^[-_A-Za-z0-9]{1,64}$/.test(topic)) {
    throw new ChannelSetupError(
      `the URL stored for ${channelName} does not end in an ntfy topic (https://ntfy.sh/your-topic); store it again in Settings → Escalation`,
    );
  }
  const root = new URL(`/${segments.join('/')}`, url.href);
  const isTest = content.action === 'test';
  const labels = Object.entries(content.labels.fields).map(([name, value]) => `${name}=${value}`);
  const message = isTest
    ? 'Test page from On-Call Companion: this channel reaches you.'
    : [content.summary ?? content.title, ...labels].join('\n');
  return {
    url: root,
    json: {
      topic,
      title: truncate(
        isTest
          ? 'On-Call Companion test'
          : `${content.action === 'trigger' ? content.severityName : followUpState(content)}: ${content.title}`,
        250,
      ),
      message: truncate(message, 3000),
      // A follow-up is news, not a page: low priority, so it does not wake anyone again.
      priority: isTest ? 3 : content.action === 'trigger' ? NTFY_PRIORITY[content.severity] : 2,
      tags: [NTFY_TAG[content.action]],
      ...(content.url !== undefined && { click: content.url }),
    },
    peer: { name: 'ntfy', check: 'is this an ntfy topic URL?' },
    shown: `the ntfy topic of ${channelName}`,
  };
}
