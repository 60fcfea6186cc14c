/** Longest menu label the tray shows, in characters; a longer one ends in "…". */
export const TRAY_LABEL_MAX = 60;

// C0 and C1 controls, and the bidi embeddings, overrides and isolates (U+202A–202E,
// U+2066–2069) with which a title could make its own line read backwards or spoof another's.
const CONTROLS = /[\p{Cc}\u202a-\u202e\u2066-\u2069]+/gu;

/**
 * An untrusted text (an alert's title) made safe for a native menu label: control characters
 * become one space, whitespace runs collapse, it is cut at {@link TRAY_LABEL_MAX} characters
 * (never inside a surrogate pair), and `&` is doubled because Electron reads a single `&` as a
 * mnemonic marker and drops it on every platform (electron/electron#9584, #9978).
 * @param text - the text as its source sent it
 */
export function trayLabel(text: string): string {
  // Only the head can show: a megabyte-long title costs no more than a short one.
  const flat = text
    .slice(0, TRAY_LABEL_MAX * 8)
    .replace(CONTROLS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(flat);
  const cut =
    chars.length > TRAY_LABEL_MAX
      ? `${chars
          .slice(0, TRAY_LABEL_MAX - 1)
          .join('')
          .trimEnd()}…`
      : flat;
  return cut.replaceAll('&', '&&');
}
