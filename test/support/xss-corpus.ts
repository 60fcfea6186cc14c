import type { Locator, Page } from 'playwright-core';

/**
 * One attempt to run script through text the app shows but does not trust: alert annotations,
 * runbook Markdown, and (later) what a scribe types into an incident timeline.
 */
export interface XssCase {
  /** A short name, unique in the corpus. */
  id: string;
  /** What the attacker writes. Every payload either sets a global `xssRan…` or calls alert(). */
  payload: string;
  /**
   * Text a reader must still see wherever the payload is shown. Shown as plain text, the whole
   * payload is on screen; rendered as Markdown, this part of it is (a link's label, the alt text
   * of an image, the characters of raw HTML).
   */
  shows: string;
  /** The payload reads like a link with this text: clicking it must lead nowhere. */
  link?: string;
}

/** Every global a payload of {@link XSS_CORPUS} sets starts with this. */
export const XSS_GLOBAL_PREFIX = 'xssRan';

// `<script>alert(3)</script>` and friends, for data: URLs that would run as a page.
const b64 = (html: string): string => Buffer.from(html).toString('base64');

/**
 * The cases. Payloads avoid `*`, `_` and backslashes, so that Markdown emphasis and escapes do
 * not change the text a reader sees; the globals are camelCase for the same reason.
 */
const CASES: ReadonlyArray<Omit<XssCase, 'shows'> & { shows?: string }> = [
  // Raw HTML: script, and elements that run script by themselves.
  { id: 'script', payload: '<script>window.xssRanScript=1</script>' },
  {
    id: 'scriptSrcData',
    payload: '<script src="data:text/javascript,window.xssRanScriptSrc=1"></script>',
  },
  { id: 'imgOnerror', payload: '<img src=x onerror="window.xssRanImgOnerror=1">' },
  { id: 'imgOnerrorAlert', payload: '<img src=x onerror=alert(document.domain)>' },
  { id: 'svgOnload', payload: '<svg onload="window.xssRanSvgOnload=1"><circle r="9"/></svg>' },
  { id: 'svgScript', payload: '<svg><script>window.xssRanSvgScript=1</script></svg>' },
  {
    id: 'detailsOntoggle',
    payload: '<details open ontoggle="window.xssRanDetails=1">Toggle</details>',
  },
  { id: 'inputAutofocus', payload: '<input autofocus onfocus="window.xssRanAutofocus=1">' },
  { id: 'bodyOnload', payload: '<body onload="window.xssRanBody=1">' },
  {
    id: 'iframeSrcdoc',
    payload: '<iframe srcdoc="<script>parent.xssRanSrcdoc=1</script>"></iframe>',
  },
  { id: 'iframeJavascript', payload: '<iframe src="javascript:parent.xssRanIframe=1"></iframe>' },
  {
    id: 'iframeDataHtml',
    payload: `<iframe src="data:text/html;base64,${b64('<script>alert(1)</script>')}"></iframe>`,
  },
  {
    id: 'objectDataHtml',
    payload: '<object data="data:text/html,<script>alert(2)</script>"></object>',
  },
  { id: 'metaRefresh', payload: '<meta http-equiv="refresh" content="0;url=javascript:alert(3)">' },
  { id: 'baseHref', payload: '<base href="javascript:alert(4)//">' },
  {
    id: 'noscriptMutation',
    payload: '<noscript><p title="</noscript><img src=x onerror=alert(5)>">',
  },
  // Raw HTML links and forms: only a click would run them.
  {
    id: 'rawAnchorJavascript',
    payload: '<a href="javascript:window.xssRanRawAnchor=1">Open the raw dashboard</a>',
    link: 'Open the raw dashboard',
  },
  {
    id: 'rawAnchorUnquoted',
    payload: '<a href=javascript:alert(6)>Open the bare link</a>',
    link: 'Open the bare link',
  },
  {
    id: 'rawAnchorDataHtml',
    payload: `<a href="data:text/html;base64,${b64('<script>alert(7)</script>')}">Open the data page</a>`,
    link: 'Open the data page',
  },
  {
    id: 'formAction',
    payload:
      '<form action="javascript:window.xssRanForm=1"><button>Submit the form</button></form>',
    link: 'Submit the form',
  },
  // Markdown links: inline, encoded, mixed case, reference style, images.
  {
    id: 'mdLinkJavascript',
    payload: '[Open the runbook dashboard](javascript:window.xssRanMdLink=1)',
    shows: 'Open the runbook dashboard',
    link: 'Open the runbook dashboard',
  },
  {
    id: 'mdLinkEntity',
    payload: '[Open the status board](&#106;avascript:window.xssRanMdEntity=1)',
    shows: 'Open the status board',
    link: 'Open the status board',
  },
  {
    id: 'mdLinkMixedCase',
    payload: '[Open in any case](JaVaScRiPt:window.xssRanMdCase=1)',
    shows: 'Open in any case',
    link: 'Open in any case',
  },
  {
    // A tab inside the scheme: browsers drop tabs from URLs, so written out raw it would be
    // `javascript:`. As a path, it climbs back into the folder to a runbook that exists.
    id: 'mdLinkTabInScheme',
    payload: '[Open with a tab](java&#9;script:window.xssRanMdTab=1//../target.md)',
    shows: 'Open with a tab',
    link: 'Open with a tab',
  },
  {
    id: 'mdLinkDataHtml',
    payload: `[Open the report](data:text/html;base64,${b64('<script>alert(8)</script>')})`,
    shows: 'Open the report',
    link: 'Open the report',
  },
  {
    id: 'mdLinkReference',
    payload: '[Open the wiki][wiki]\n\n[wiki]: javascript:window.xssRanMdReference=1',
    shows: 'Open the wiki',
    link: 'Open the wiki',
  },
  {
    id: 'mdImageJavascript',
    payload: '![chart](javascript:window.xssRanMdImage=1)',
    shows: 'chart',
  },
  {
    id: 'mdImageAltBreakout',
    payload: '![x" onerror="window.xssRanMdAlt=1](x)',
    shows: 'x" onerror="window.xssRanMdAlt=1',
  },
  // Autolinks: `<scheme:…>` is a link in CommonMark, whatever the scheme.
  {
    id: 'autolinkJavascript',
    payload: '<javascript:window.xssRanAutolink=1>',
    shows: 'javascript:window.xssRanAutolink=1',
    link: 'javascript:window.xssRanAutolink=1',
  },
  {
    id: 'autolinkDataHtml',
    payload: `<data:text/html;base64,${b64('<script>alert(9)</script>')}>`,
    shows: `data:text/html;base64,${b64('<script>alert(9)</script>')}`,
    link: `data:text/html;base64,${b64('<script>alert(9)</script>')}`,
  },
  // A URL that breaks out of an attribute, and encoded markup that must stay text once decoded.
  {
    id: 'urlAttributeBreakout',
    payload: 'https://example.com/"><img src=x onerror="window.xssRanBreakout=1">',
    shows: '<img src=x onerror="window.xssRanBreakout=1">',
  },
  {
    id: 'encodedMarkup',
    payload: '&lt;img src=x onerror=alert(10)&gt;',
    shows: 'src=x onerror=alert(10)',
  },
  // Bare URLs, as a runbook_url would carry them.
  { id: 'bareJavascript', payload: 'javascript:window.xssRanBare=1' },
  { id: 'bareDataHtml', payload: 'data:text/html,<script>alert(11)</script>' },
  { id: 'bareVbscript', payload: 'vbscript:msgbox(12)' },
  // Template syntaxes: plain text here, dangerous in a templating UI.
  { id: 'templateExpression', payload: "{{constructor.constructor('alert(13)')()}} ${alert(14)}" },
];

/** The corpus; a payload shown as text shows all of itself unless the case says otherwise. */
export const XSS_CORPUS: readonly XssCase[] = CASES.map((entry) => ({
  ...entry,
  shows: entry.shows ?? entry.payload,
}));

/**
 * The `xssRan…` globals some payload managed to set in the page.
 * @param page - the page under test
 */
export function xssGlobals(page: Page): Promise<string[]> {
  return page.evaluate(
    (prefix) => Object.keys(window).filter((key) => key.startsWith(prefix)),
    XSS_GLOBAL_PREFIX,
  );
}

/**
 * Markup inside `root` that untrusted text must never become: elements that run, load or
 * navigate, event-handler attributes, and URLs with a scheme that runs script or is a page of
 * its own (`javascript:`, `data:`, `vbscript:`, `file:`), judged as a browser reads them (with
 * whitespace and control characters dropped). Describes each find; empty when there is none.
 * @param root - the part of the page that shows untrusted text
 */
export function unsafeMarkup(root: Locator): Promise<string[]> {
  return root.evaluate((element) => {
    const found: string[] = [];
    const dangerous = new Set([
      'script',
      'iframe',
      'frame',
      'object',
      'embed',
      'base',
      'meta',
      'link',
      'style',
      'form',
      'svg',
      'math',
      'img',
      'video',
      'audio',
      'source',
      'noscript',
      'template',
    ]);
    const urlAttributes = new Set([
      'href',
      'src',
      'action',
      'formaction',
      'data',
      'xlink:href',
      'poster',
      'background',
    ]);
    for (const node of [element, ...element.querySelectorAll('*')]) {
      const tag = node.localName;
      if (dangerous.has(tag)) found.push(`<${tag}>`);
      for (const attribute of node.attributes) {
        const name = attribute.name.toLowerCase();
        if (name.startsWith('on') || name === 'srcdoc') {
          found.push(`<${tag} ${name}="${attribute.value}">`);
        } else if (urlAttributes.has(name)) {
          // eslint-disable-next-line no-control-regex -- browsers drop these from URLs
          const url = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (/^(javascript|data|vbscript|file):/.test(url)) {
            found.push(`<${tag} ${name}="${attribute.value}">`);
          }
        }
      }
    }
    return found;
  });
}
