// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppContext, type AppContextValue } from '../../../../src/renderer/app/app-context';
import {
  TYPING_IDLE_MS,
  useTypingPresence,
  useViewingPresence,
} from '../../../../src/renderer/features/sync/use-presence';

let root: Root | undefined;
let said: string[] = [];
let visibility: DocumentVisibilityState = 'visible';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  Object.defineProperty(document, 'visibilityState', { get: () => visibility });
});

beforeEach(() => {
  said = [];
  visibility = 'visible';
  vi.useFakeTimers();
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  vi.useRealTimers();
});

/** What the app was told, one word per `presence:set`. */
const value = {
  bridge: {
    invoke: async (channel: string, request: { incidentId: string | null; activity: string }) => {
      if (channel === 'presence:set')
        said.push(`${request.incidentId ?? 'none'} ${request.activity}`);
      return {};
    },
  },
} as unknown as AppContextValue;

let type: () => void = () => {};
function Composer() {
  type = useTypingPresence('inc-1');
  return null;
}

function Viewer(props: { id: string; open: boolean }) {
  useViewingPresence(props.id, props.open);
  return null;
}

function render(node: ReturnType<typeof createElement>): void {
  const container = document.createElement('div');
  root = createRoot(container);
  act(() => root?.render(createElement(AppContext.Provider, { value }, node)));
}

describe('the scribe’s pen', () => {
  it('is taken at the first keystroke and put down 3 s after the last, one message each', () => {
    render(createElement(Composer));
    for (let i = 0; i < 20; i++) {
      type();
      act(() => vi.advanceTimersByTime(100));
    }
    expect(said).toEqual(['inc-1 typing']);
    act(() => vi.advanceTimersByTime(TYPING_IDLE_MS - 101));
    expect(said).toEqual(['inc-1 typing']);
    act(() => vi.advanceTimersByTime(1));
    expect(said).toEqual(['inc-1 typing', 'inc-1 viewing']);
    act(() => vi.advanceTimersByTime(60_000));
    expect(said).toEqual(['inc-1 typing', 'inc-1 viewing']);
  });

  it('is put down when the composer goes away mid-line', () => {
    render(createElement(Composer));
    type();
    act(() => root?.unmount());
    root = undefined;
    expect(said).toEqual(['inc-1 typing', 'inc-1 viewing']);
    act(() => vi.advanceTimersByTime(TYPING_IDLE_MS * 2));
    expect(said).toHaveLength(2);
  });
});

describe('viewing an incident', () => {
  it('is said while it is open and the window visible, and unsaid otherwise', () => {
    render(createElement(Viewer, { id: 'inc-1', open: true }));
    expect(said).toEqual(['inc-1 viewing']);
    visibility = 'hidden';
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(said).toEqual(['inc-1 viewing', 'none viewing']);
    visibility = 'visible';
    act(() => document.dispatchEvent(new Event('visibilitychange')));
    expect(said.at(-1)).toBe('inc-1 viewing');
    act(() =>
      root?.render(
        createElement(
          AppContext.Provider,
          { value },
          createElement(Viewer, { id: 'inc-2', open: true }),
        ),
      ),
    );
    expect(said.slice(-2)).toEqual(['none viewing', 'inc-2 viewing']);
    act(() =>
      root?.render(
        createElement(
          AppContext.Provider,
          { value },
          createElement(Viewer, { id: 'inc-2', open: false }),
        ),
      ),
    );
    expect(said.at(-1)).toBe('none viewing');
  });
});
