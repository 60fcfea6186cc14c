// @vitest-environment happy-dom
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PartBoundary } from '../../../../src/renderer/components/part-boundary';

let root: Root | undefined;
let container: HTMLElement;

beforeAll(() => {
  // Tells React that updates are wrapped in act(), as in its own tests.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container?.remove();
  vi.restoreAllMocks();
});

function render(node: ReactNode): void {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() => root?.render(node));
}

let failing = true;
function Runbook() {
  if (failing) throw new RangeError('Maximum call stack size exceeded');
  return createElement('p', null, 'Runbook shown');
}

function appWindow(): ReactNode {
  return createElement(
    'div',
    null,
    createElement('p', null, 'Alert list still here'),
    createElement(PartBoundary, { part: 'the runbook', children: createElement(Runbook) }),
  );
}

describe('PartBoundary', () => {
  it('shows what failed in place of the part, and the rest of the window stays (issue 10)', () => {
    // React reports the caught error on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    failing = true;
    render(appWindow());
    const text = container.textContent ?? '';
    expect(text).toContain('Alert list still here');
    expect(text).toContain('Could not show the runbook. Maximum call stack size exceeded');
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('renders the part again on Reload', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    failing = true;
    render(appWindow());
    const reload = [...container.querySelectorAll('button')].find(
      (button) => button.textContent === 'Reload the runbook',
    );
    expect(reload).toBeDefined();
    failing = false;
    act(() => reload?.click());
    expect(container.textContent).toContain('Runbook shown');
    expect(container.textContent).not.toContain('Could not show');
  });
});
