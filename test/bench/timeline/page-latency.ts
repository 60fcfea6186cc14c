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
