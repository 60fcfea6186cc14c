import type { View } from '../stores/ui-store';

/**
 * What the disconnected banner says of the page below it: the page's own content, not always
 * "the alerts", and on an incident that changes wait until the app is back.
 * @param view - the view shown
 */
export function lastKnownText(view: View): string {
  switch (view) {
    case 'alerts':
      return 'The alerts below are the last known state and may be out of date.';
    case 'incident':
      return 'The incident below is the last known state and may be out of date; changes to it are not saved until the app is back.';
    case 'incidents':
      return 'The incidents below are the last known state and may be out of date.';
    case 'settings':
      return 'The settings below are the last ones loaded; changes are not saved until the app is back.';
    case 'runbook':
      return 'The runbook below is the last one loaded and may be out of date.';
  }
}
