import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { DEFAULT_ALARM } from '../../src/shared/escalation/alarm-settings';
import { startAlertmanager, type PostableAlert, type RealAlertmanager } from './alertmanager';
import { startBrowserMode, type BrowserModeProcess } from './browser-mode';
import { launchChromium } from './chromium';
import { startNotificationDaemon, type NotificationDaemon } from './notification-daemon';
import { watchPage, type PageWatch } from './page-watch';

/** How often the app polls the test's Alertmanager, in seconds. */
export const INTERVAL_SECONDS = 2;
/** One poll interval, plus the time a poll and a render take on a busy two-core machine. */
export const WITHIN_ONE_POLL = { timeout: (INTERVAL_SECONDS + 3) * 1000 };

/** What an end-to-end test file runs against. */
export interface E2eSessionOptions {
  /** Names its temporary directories, `oncall-e2e-<name>-…`. */
  name: string;
  /** Fills a runbook folder, which the settings then name; no folder without it. */
  runbooks?: (folder: string) => void;
  /** More of settings.json, besides the Alertmanager source and the runbook folder. */
  settings?: Record<string, unknown>;
  /** Posted to Alertmanager before the app starts, so its first poll finds them. */
  alerts?: PostableAlert[];
  /** Start a real notification daemon and let the app notify through it. */
  notifications?: boolean;
  /**
   * Let an unacknowledged SEV1 ring the alarm in the page (the product's default). Off unless
   * asked: the alarm is a modal dialog that holds the page until it is answered, which a test
   * of something else would have to answer first.
   */
  alarm?: boolean;
}

/** How {@link E2eSession.openPage} sets up a browser context and its page. */
export interface PageOptions {
  viewport?: { width: number; height: number };
  bypassCSP?: boolean;
  /** Told of every request refused for leaving the machine. */
  onRefused?: (request: Request, page: Page) => void;
  /** Appended to the app's address, e.g. `#alarm` for the alarm alone (the shell's alarm window). */
  hash?: string;
  /** Runs once the page exists, before it loads the app. */
  beforeLoad?: (page: Page, context: BrowserContext) => void | Promise<void>;
}

/** A page showing the app, and what watches it. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  watch: PageWatch;
}

/** Everything real an end-to-end test drives: Alertmanager, browser mode, Chromium. */
export interface E2eSession {
  readonly am: RealAlertmanager;
  /** The notification daemon; only with `notifications: true`. */
  readonly daemon: NotificationDaemon;
  /** The browser-mode process now running (a new one after {@link restartApp}). */
  readonly app: BrowserModeProcess;
  readonly browser: Browser;
  readonly home: string;
  /** The runbook folder; only with `runbooks`. */
  readonly folder: string;
  /** A new browser context whose page has loaded the app; nothing it asks for leaves the machine. */
  openPage(options?: PageOptions): Promise<OpenedPage>;
  /** Stop browser mode and start it again over the same home directory. */
  restartApp(): Promise<void>;
  /** Stop everything and delete the temporary directories; call in afterAll. */
  dispose(): Promise<void>;
}

/** Requests for anywhere but the loopback address. */
const LEAVES_THE_MACHINE = /^https?:\/\/(?!127\.0\.0\.1[:/])/;

/**
 * Start Alertmanager (and the notification daemon if asked), write the app's home, start
 * browser mode over it and launch Chromium. What started is stopped again if a later step fails.
 */
export async function startE2eSession(options: E2eSessionOptions): Promise<E2eSession> {
  let am: RealAlertmanager | undefined;
  let daemon: NotificationDaemon | undefined;
  let app: BrowserModeProcess | undefined;
  let browser: Browser | undefined;
  const dirs: string[] = [];
  const dispose = async (): Promise<void> => {
    await browser?.close();
    await app?.stop();
    await Promise.all([am?.dispose(), daemon?.stop()]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  const present = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`this E2E session has no ${what}`);
    return value;
  };

  try {
    [am, daemon] = await Promise.all([
      startAlertmanager(),
      options.notifications ? startNotificationDaemon() : undefined,
    ]);
    const home = mkdtempSync(join(tmpdir(), `oncall-e2e-${options.name}-`));
    dirs.push(home);
    let folder: string | undefined;
    if (options.runbooks) {
      folder = mkdtempSync(join(tmpdir(), `oncall-e2e-${options.name}-runbooks-`));
      dirs.push(folder);
      options.runbooks(folder);
    }
    writeFileSync(
      join(home, 'settings.json'),
      JSON.stringify({
        sources: [
          {
            kind: 'alertmanager',
            id: 'local',
            name: 'Local Alertmanager',
            url: am.url,
            intervalSeconds: INTERVAL_SECONDS,
            timeoutSeconds: 2,
          },
        ],
        ...(folder === undefined ? {} : { runbooks: { dir: folder } }),
        ...(options.alarm
          ? {}
          : { alarm: { ...DEFAULT_ALARM, sev1: { ...DEFAULT_ALARM.sev1, mode: 'once' } } }),
        ...options.settings,
      }),
    );
    if (options.alerts) await am.postAlerts(options.alerts);
    const start = (): Promise<BrowserModeProcess> =>
      startBrowserMode(daemon ? { home, env: daemon.env } : { home });
    app = await start();
    browser = await launchChromium();

    const started = { am, browser, home };
    return {
      ...started,
      get daemon() {
        return present(daemon, 'notification daemon (pass notifications: true)');
      },
      get app() {
        return present(app, 'browser mode');
      },
      get folder() {
        return present(folder, 'runbook folder (pass runbooks)');
      },
      async openPage(pageOptions = {}) {
        const context = await started.browser.newContext({
          ...(pageOptions.viewport ? { viewport: pageOptions.viewport } : {}),
          ...(pageOptions.bypassCSP ? { bypassCSP: true } : {}),
        });
        const page = await context.newPage();
        await context.route(LEAVES_THE_MACHINE, (route) => {
          pageOptions.onRefused?.(route.request(), page);
          return route.abort();
        });
        await pageOptions.beforeLoad?.(page, context);
        const watch = await watchPage(page);
        await page.goto(present(app, 'browser mode').url + (pageOptions.hash ?? ''));
        return { context, page, watch };
      },
      async restartApp() {
        await app?.stop();
        app = undefined;
        app = await start();
      },
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
