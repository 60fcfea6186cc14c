import type { Page } from 'playwright-core';

/** A Content-Security-Policy violation the page reported. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sample: string;
}

/** What went wrong in a page, collected while a test drives it. */
export interface PageWatch {
  /** Console errors and warnings (Chromium logs CSP refusals there too), and uncaught errors. */
  readonly console: string[];
  /** `alert()`, `confirm()`, `prompt()` the page tried to show (each was dismissed). */
  readonly dialogs: string[];
  /** Every `securitypolicyviolation` event of the page so far. */
  cspViolations(): Promise<CspViolation[]>;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
  }
}

/**
 * Start watching a page before it loads anything: console problems, dialogs, and CSP violations
 * (recorded by an init script, which Playwright runs outside the page's CSP).
 * @param page - a page that has not navigated yet
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const consoleProblems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      consoleProblems.push(message.text());
    }
  });
  page.on('pageerror', (error) => consoleProblems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sample: event.sample,
      });
    });
  });
  return {
    console: consoleProblems,
    dialogs,
    cspViolations: () => page.evaluate(() => window.__cspViolations ?? []),
  };
}
