// Runbook Markdown is untrusted (design §5): anyone who can push to the runbook repository
// writes it. It is rendered by react-markdown + remark-gfm with no raw-HTML plugin, so `<script>`,
// `<img onerror>` and friends reach the page as text, never as elements. On top of that:
// * an allow-list of elements (what Markdown itself produces): if a raw-HTML plugin were ever
//   added by mistake, anything else would be unwrapped to its text;
// * links decided by resolveRunbookLink: http(s) through the bridge's guard, runbooks of the
//   folder in the app, `#section` in the page; anything else is not a link at all;
// * images never load (the CSP would block remote ones anyway): their alt text is shown;
// * no inline styles: table alignment becomes a class (style-src 'self').
import {
  createContext,
  createElement,
  useContext,
  useMemo,
  type ComponentProps,
  type ReactNode,
} from 'react';
import Markdown, { type Components, type ExtraProps } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { resolveRunbookLink } from '../../../shared/domain/runbook';
import { safeExternalUrl } from '../../../shared/ipc/link-guard';
import { CopyButton } from './copy-button';
import { hastText } from './hast-text';
import { RUNBOOK_ID_PREFIX, remarkDropRepeatedTitle, remarkHeadingIds } from './markdown-headings';

/** What a rendered runbook does when a link in it is used. */
export interface RunbookLinkActions {
  /** Open an http(s) page outside the app (already checked by the link guard). */
  onExternal(url: string): void;
  /** Open another runbook of the folder in the app. */
  onRunbook(id: string, fragment: string | undefined): void;
  /** Scroll to a section of this runbook. */
  onAnchor(fragment: string): void;
}

/** Elements Markdown + GFM produce (footnotes, task lists and tables included). */
const ALLOWED_ELEMENTS = [
  'a',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'img',
  'input',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'strong',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul',
];

// Footnote ids get the same prefix as heading ids.
const REMARK_REHYPE_OPTIONS = { clobberPrefix: RUNBOOK_ID_PREFIX };

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * First line of defence for every URL attribute: a URL with a scheme other than http(s) is
 * emptied before any component sees it. The link component decides the rest.
 */
function keepSafeUrl(url: string): string {
  const raw = url.trim();
  return SCHEME.test(raw) && safeExternalUrl(raw) === undefined ? '' : url;
}

const NOT_FOLLOWED = 'only http(s) pages and runbooks of this folder open from a runbook';

function RunbookLink(props: {
  href: string;
  children: ReactNode;
  runbookId: string;
  runbookIds: readonly string[];
  actions: RunbookLinkActions;
}) {
  const { href, children, actions } = props;
  const target = resolveRunbookLink(href, props.runbookId, props.runbookIds);
  switch (target.kind) {
    case 'external':
      return (
        <a
          className="md-link"
          href={target.url}
          title={target.url}
          rel="noreferrer noopener"
          onClick={(event) => {
            event.preventDefault();
            actions.onExternal(target.url);
          }}
        >
          {children}
          <span className="md-link__out" aria-hidden="true">
            ↗
          </span>
          <span className="visually-hidden"> (opens in your browser)</span>
        </a>
      );
    case 'local':
      return (
        <a
          className="md-link"
          href={href}
          title={`Runbook ${target.id}`}
          onClick={(event) => {
            event.preventDefault();
            actions.onRunbook(target.id, target.fragment);
          }}
        >
          {children}
        </a>
      );
    case 'anchor':
      return (
        <a
          className="md-link"
          href={`#${encodeURIComponent(target.fragment)}`}
          onClick={(event) => {
            event.preventDefault();
            actions.onAnchor(target.fragment);
          }}
        >
          {children}
        </a>
      );
    case 'refused':
      return (
        <span
          className="md-link md-link--refused"
          title={`Link not followed: ${href.trim() === '' ? NOT_FOLLOWED : target.reason}`}
        >
          {children}
          <span className="visually-hidden"> (link not followed)</span>
        </span>
      );
  }
}

type CellProps = { style?: { textAlign?: unknown }; children?: ReactNode } & ExtraProps;

/** A table cell whose GFM alignment is a class, not an inline style. */
function cell(tag: 'td' | 'th') {
  return function Cell(props: CellProps) {
    const align = props.style?.textAlign;
    return createElement(
      tag,
      { className: typeof align === 'string' ? `md-align-${align}` : undefined },
      props.children,
    );
  };
}

/**
 * Per-incident ticking of a runbook's steps: given the line a list item starts on in the
 * Markdown, what to put at its start and end (a checkbox, who ticked it), or undefined for an
 * item that is not a step.
 */
export type StepDecoration = (line: number) => { start: ReactNode; end?: ReactNode } | undefined;

// Read through context rather than closed over by the `li` component, so the component keeps
// its identity when the ticks change: a new identity would remount every list item and take
// the keyboard focus off the checkbox just ticked.
const StepDecorationContext = createContext<StepDecoration | undefined>(undefined);

/** A list item; a runbook step gets its decoration (only rendered when `decorateStep` is given). */
function StepItem({ node, children, ...item }: ComponentProps<'li'> & ExtraProps) {
  const decorate = useContext(StepDecorationContext);
  const line = node?.position?.start.line;
  const decoration = line === undefined ? undefined : decorate?.(line);
  // Everything else as react-markdown gives it (a footnote's id, the task-list class).
  if (decoration === undefined) return <li {...item}>{children}</li>;
  return (
    <li {...item} className={item.className ? `${item.className} md-step` : 'md-step'}>
      {decoration.start}
      {children}
      {decoration.end}
    </li>
  );
}

type HeadingProps = { id?: string; children?: ReactNode } & ExtraProps;

/**
 * A heading one level down (the page's own h1 is the runbook's title), styled by its Markdown
 * level, that `#section` links can focus (tabIndex -1: reachable by script, not by Tab).
 */
function heading(level: 1 | 2 | 3 | 4 | 5 | 6) {
  const tag = `h${Math.min(level + 1, 6)}`;
  return function Heading(props: HeadingProps) {
    return createElement(
      tag,
      { id: props.id, tabIndex: -1, className: `md-h${level}` },
      props.children,
    );
  };
}

/**
 * A runbook's Markdown body, rendered safely (see the top of this file): GFM, no raw HTML,
 * links decided by {@link resolveRunbookLink}, images as their alt text, a Copy button on every
 * code block, task boxes as read-only marks (ticking belongs to an incident).
 */
export function RunbookMarkdown(props: {
  markdown: string;
  /** The title the page shows; a leading `# Title` repeating it is left out. */
  title: string;
  /** The runbook shown, for relative links. */
  runbookId: string;
  /** Every runbook of the folder, for relative links. */
  runbookIds: readonly string[];
  actions: RunbookLinkActions;
  /** Makes the steps tickable (an incident's runbook); absent, lists render as written. */
  decorateStep?: StepDecoration;
}) {
  const { runbookId, runbookIds, actions, title } = props;
  const withSteps = props.decorateStep !== undefined;
  const remarkPlugins = useMemo(
    // Ids first, so they count the dropped title as GitHub does.
    () => [remarkGfm, remarkHeadingIds, () => remarkDropRepeatedTitle(title)],
    [title],
  );
  const components = useMemo<Components>(
    () => ({
      a: ({ href, children }) => (
        <RunbookLink
          href={href ?? ''}
          runbookId={runbookId}
          runbookIds={runbookIds}
          actions={actions}
        >
          {children}
        </RunbookLink>
      ),
      img: ({ alt }) => (
        <span className="md-image" title="Images in runbooks are not loaded.">
          [image{alt ? `: ${alt}` : ''}]
        </span>
      ),
      pre: ({ node, children }) => (
        <div className="md-code">
          {/* Focusable, so a long line can be scrolled with the keyboard. */}
          <pre tabIndex={0}>{children}</pre>
          <CopyButton text={hastText(node)} label="Copy code" />
        </div>
      ),
      input: ({ type, checked }) =>
        type === 'checkbox' ? (
          <span
            className={checked ? 'md-task md-task--done' : 'md-task'}
            role="img"
            aria-label={checked ? 'ticked in the file' : 'not ticked'}
          />
        ) : null,
      td: cell('td'),
      th: cell('th'),
      h1: heading(1),
      h2: heading(2),
      h3: heading(3),
      h4: heading(4),
      h5: heading(5),
      h6: heading(6),
      ...(withSteps ? { li: StepItem } : {}),
    }),
    [runbookId, runbookIds, actions, withSteps],
  );
  return (
    <div className="markdown">
      <StepDecorationContext value={props.decorateStep}>
        <Markdown
          remarkPlugins={remarkPlugins}
          remarkRehypeOptions={REMARK_REHYPE_OPTIONS}
          allowedElements={ALLOWED_ELEMENTS}
          unwrapDisallowed
          urlTransform={keepSafeUrl}
          components={components}
        >
          {props.markdown}
        </Markdown>
      </StepDecorationContext>
    </div>
  );
}
