// In-page probes for the Chromium timeline bench: from the moment the browser stamped an input
// event to the first frame painted after its effect, measured inside the page so the transport
// to Playwright adds nothing. The functions handed to the page name no inner functions: tsx
// wraps named ones in a `__name` helper that does not exist in the page.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** The last latency a probe measured, in ms; undefined while one is pending. */
    __benchLatency?: number;
  }
}

/**
 * Type one key into the focused composer and resolve with keydown → next paint. The next paint
 * is read as the first task after the next animation frame (the frame's paint is done by then).
 * @param page - a page whose composer has the focus
 * @param key - the key to press
 */
export async function keystrokeToPaint(page: Page, key: string): Promise<number> {
  await page.evaluate(() => {
    window.__benchLatency = undefined;
    const input = document.activeElement as HTMLInputElement;
    input.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        input.addEventListener(
          'input',
          () => {
            requestAnimationFrame(() => {
              setTimeout(() => (window.__benchLatency = performance.now() - start), 0);
            });
          },
          { once: true },
        );
      },
      { once: true },
    );
  });
  await page.keyboard.press(key);
  return readLatency(page);
}

/**
 * Type a line into the focused composer (untimed), press Enter, and resolve with keydown of Enter
 * → the first paint that shows the line on the timeline.
 * @param page - a page whose composer has the focus
 * @param text - the line, unique on the timeline
 */
export async function enterToLineShown(page: Page, text: string): Promise<number> {
  await page.keyboard.insertText(text);
  await page.evaluate((needle) => {
    window.__benchLatency = undefined;
    const input = document.activeElement as HTMLInputElement;
    const timeline = input.closest('section') as HTMLElement;
    input.addEventListener(
      'keydown',
      (event) => {
        const start = event.timeStamp;
        const observer = new MutationObserver(() => {
          const texts = [...timeline.querySelectorAll('.entry__text')];
          if (!texts.some((el) => el.textContent === needle)) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            setTimeout(() => (window.__benchLatency = performance.now() - start), 0);
          });
        });
        observer.observe(timeline, { childList: true, subtree: true, characterData: true });
      },
      { once: true },
    );
  }, text);
  await page.keyboard.press('Enter');
  return readLatency(page);
}

/**
 * Click an incident in the list and resolve with the click → the first paint of its timeline
 * with its newest entry (or its empty state) in view.
 * @param page - a page showing the incident list
 * @param title - the incident's title
 * @param newest - text of its newest entry, or undefined for an empty timeline
 */
export async function openToFirstPaint(
  page: Page,
  title: string,
  newest: string | undefined,
): Promise<number> {
  const row = page.getByRole('button', { name: new RegExp(title) });
  await row.evaluate((button, needle) => {
    window.__benchLatency = undefined;
    button.addEventListener(
      'click',
      (event) => {
        const start = event.timeStamp;
        const observer = new MutationObserver(() => {
          const timeline = document.querySelector('article .timeline');
          if (!timeline) return;
          if (
            needle === null
              ? timeline.querySelector('input') === null
              : ![...timeline.querySelectorAll('.entry__text')].some((el) =>
                  el.textContent?.startsWith(needle),
                )
          ) {
            return;
          }
          observer.disconnect();
          requestAnimationFrame(() => {
            setTimeout(() => (window.__benchLatency = performance.now() - start), 0);
          });
        });
        observer.observe(document.body, { childList: true, subtree: true });
      },
      { once: true },
    );
  }, newest ?? null);
  await row.click();
  return readLatency(page);
}

async function readLatency(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => window.__benchLatency, undefined, {
    timeout: 30_000,
  });
  return (await handle.jsonValue()) as number;
}

/** Where the time of one Enter → line shown went, in ms (see {@link enterSplit}). */
export interface EnterSplit {
  /** keydown → the change handed to the WebSocket: the renderer's own handling. */
  renderer: number;
  /** → the patch with the line received: IPC to main, apply, journal + fdatasync, patch back. */
  roundTrip: number;
  /** → the line in the DOM: merging the patch and React's render. */
  render: number;
  /** → the first paint after it. */
  paint: number;
  total: number;
}

/**
 * Like {@link enterToLineShown}, with the time split where the page can see it: the WebSocket's
 * send and the arrival of the patch (the message event's own time stamp, so listeners that run
 * before ours do not count as transport).
 * @param page - a page whose composer has the focus
 * @param text - the line, unique on the timeline
 */
export async function enterSplit(page: Page, text: string): Promise<EnterSplit> {
  await page.keyboard.insertText(text);
  await page.evaluate((needle) => {
    const w = window as unknown as { __split?: Record<string, number>; __splitDone?: boolean };
    w.__split = {};
    w.__splitDone = false;
    const marks = w.__split;
    const send = WebSocket.prototype.send;
    WebSocket.prototype.send = function (data) {
      if (marks.sent === undefined && String(data).includes(needle)) {
        marks.sent = performance.now();
        this.addEventListener('message', (event: MessageEvent) => {
          if (marks.patch === undefined && String(event.data).includes(needle)) {
            marks.patch = event.timeStamp;
          }
        });
      }
      return send.call(this, data);
    };
    const input = document.activeElement as HTMLInputElement;
    const timeline = input.closest('section') as HTMLElement;
    input.addEventListener(
      'keydown',
      (event) => {
        marks.key = event.timeStamp;
        const observer = new MutationObserver(() => {
          const texts = [...timeline.querySelectorAll('.entry__text')];
          if (!texts.some((el) => el.textContent === needle)) return;
          observer.disconnect();
          marks.shown = performance.now();
          WebSocket.prototype.send = send;
          requestAnimationFrame(() => {
            setTimeout(() => {
              marks.paint = performance.now();
              w.__splitDone = true;
            }, 0);
          });
        });
        observer.observe(timeline, { childList: true, subtree: true, characterData: true });
      },
      { once: true },
    );
  }, text);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as { __splitDone?: boolean }).__splitDone, undefined, {
    timeout: 30_000,
  });
  const m = await page.evaluate(
    () => (window as unknown as { __split: Record<string, number> }).__split,
  );
  const [key, sent, patch, shown, paint] = [m.key, m.sent, m.patch, m.shown, m.paint].map(
    Number,
  ) as [number, number, number, number, number];
  return {
    renderer: sent - key,
    roundTrip: patch - sent,
    render: shown - patch,
    paint: paint - shown,
    total: paint - key,
  };
}

/**
 * One WebSocket round trip from a page to an echo server, in ms: the least any call costs.
 * @param page - a blank page whose socket {@link openEchoSocket} opened
 */
export async function echoRoundTrip(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const socket = (window as unknown as { __echo: WebSocket }).__echo;
        const start = performance.now();
        socket.addEventListener('message', () => resolve(performance.now() - start), {
          once: true,
        });
        socket.send('{"type":"invoke","id":1,"channel":"ping","payload":{}}');
      }),
  );
}

/**
 * Open a WebSocket from a blank page to `url` and keep it for {@link echoRoundTrip}.
 * @param page - a blank page
 * @param url - an echo server's ws:// address
 */
export async function openEchoSocket(page: Page, url: string): Promise<void> {
  await page.evaluate(
    (address) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(address);
        (window as unknown as { __echo: WebSocket }).__echo = socket;
        socket.addEventListener('open', () => resolve(), { once: true });
        socket.addEventListener('error', () => reject(new Error(`no echo at ${address}`)), {
          once: true,
        });
      }),
    url,
  );
}
