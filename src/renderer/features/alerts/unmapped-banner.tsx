import { useMemo } from 'react';
import type { Alert } from '../../../shared/domain/alert';
import { useApp } from '../../app/app-context';

/**
 * The severity words sources sent that the mapping does not know, once each: such an alert is
 * ranked by a guess, so the person should map the word in Settings.
 * @param alerts - every alert
 */
export function unmappedWords(alerts: readonly Alert[]): string[] {
  const words = new Set<string>();
  for (const alert of alerts) {
    if (alert.severityUnmapped === true) words.add(alert.severityLabel ?? '(empty)');
  }
  return [...words].sort((a, b) => a.localeCompare(b));
}

/** A banner naming the unmapped severity words, with a way to Settings. */
export function UnmappedBanner(props: { alerts: readonly Alert[] }) {
  const { uiStore } = useApp();
  const words = useMemo(() => unmappedWords(props.alerts), [props.alerts]);
  if (words.length === 0) return null;
  return (
    <p className="alerts__unmapped" role="status">
      <strong>Unknown severity {words.length === 1 ? 'word' : 'words'}:</strong>{' '}
      {words.map((word, i) => (
        <span key={word}>
          {i > 0 ? ', ' : ''}
          <code>{word}</code>
        </span>
      ))}
      . These alerts are ranked by a guess until the word is mapped.{' '}
      <button
        type="button"
        className="btn btn--link"
        onClick={() => uiStore.actions.showView('settings')}
      >
        Map them in Settings
      </button>
    </p>
  );
}
