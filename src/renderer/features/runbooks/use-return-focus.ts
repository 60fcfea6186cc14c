import { useEffect, type RefObject } from 'react';
import { useApp } from '../../app/app-context';

/**
 * Back from a runbook page opened in `container`: put the focus on the control that opened it
 * (its `data-runbook-opener` is the page's return focus), once the controls are there.
 * @param container - where the openers are
 * @param shown - what the openers are rendered from; undefined while they are not there yet
 */
export function useReturnFocus(container: RefObject<HTMLElement | null>, shown: unknown): void {
  const { uiStore } = useApp();
  useEffect(() => {
    const wanted = uiStore.getState().returnFocus;
    if (wanted === undefined || shown === undefined) return;
    const opener = [
      ...(container.current?.querySelectorAll<HTMLElement>('[data-runbook-opener]') ?? []),
    ].find((element) => element.dataset.runbookOpener === wanted);
    if (opener) {
      opener.focus();
      uiStore.actions.clearReturnFocus();
    }
  }, [container, shown, uiStore]);
}
