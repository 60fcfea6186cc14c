import type { Settings } from '../../shared/domain/settings';

/** The theme setting. */
export type Theme = Settings['theme'];

/** Themes in the order the header's switch shows them. */
export const THEMES: ReadonlyArray<{ value: Theme; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/**
 * Apply a theme to the page: theme.css picks colours with light-dark(), driven by
 * color-scheme, which `data-theme` forces (light, dark) or leaves to the OS (system).
 * @param theme - the setting
 * @param root - the <html> element
 */
export function applyTheme(theme: Theme, root: HTMLElement): void {
  root.dataset.theme = theme;
}
