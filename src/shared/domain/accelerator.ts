const MODIFIERS = new Set(
  [
    'Command',
    'Cmd',
    'Control',
    'Ctrl',
    'CommandOrControl',
    'CmdOrCtrl',
    'Alt',
    'Option',
    'AltGr',
    'Shift',
    'Super',
    'Meta',
  ].map((m) => m.toLowerCase()),
);

const NAMED_KEYS = new Set(
  [
    'Plus',
    'Space',
    'Tab',
    'Capslock',
    'Numlock',
    'Scrolllock',
    'Backspace',
    'Delete',
    'Insert',
    'Return',
    'Enter',
    'Up',
    'Down',
    'Left',
    'Right',
    'Home',
    'End',
    'PageUp',
    'PageDown',
    'Escape',
    'Esc',
    'VolumeUp',
    'VolumeDown',
    'VolumeMute',
    'MediaNextTrack',
    'MediaPreviousTrack',
    'MediaStop',
    'MediaPlayPause',
    'PrintScreen',
    'numdec',
    'numadd',
    'numsub',
    'nummult',
    'numdiv',
  ].map((k) => k.toLowerCase()),
);

// Single characters Electron accepts as a key: letters, digits and the punctuation of its list.
const SINGLE_KEY = /^[A-Za-z0-9)!@#$%^&*(:;+=<,_\->.?/~`{}[\]|\\'"]$/;

/** Most characters an accelerator setting may have; real ones are far shorter. */
export const ACCELERATOR_MAX_LENGTH = 100;

function isKey(token: string): boolean {
  const lower = token.toLowerCase();
  return (
    SINGLE_KEY.test(token) ||
    NAMED_KEYS.has(lower) ||
    /^f([1-9]|1[0-9]|2[0-4])$/.test(lower) ||
    /^num[0-9]$/.test(lower)
  );
}

/**
 * Why a text is not an Electron accelerator (docs: electronjs.org/docs/api/accelerator), or
 * undefined when it is one: modifiers (`CommandOrControl`, `Alt`, `Shift`, …) joined by `+` and
 * exactly one key at the end, with at least one modifier, because a global shortcut without one
 * would take a plain key away from every other app.
 * @param text - the accelerator as the user typed it
 */
export function acceleratorProblem(text: string): string | undefined {
  if (text.length > ACCELERATOR_MAX_LENGTH) {
    return `is longer than ${ACCELERATOR_MAX_LENGTH} characters; write it like CommandOrControl+Alt+O`;
  }
  // "Plus" names the + key, so a literal + is only ever a separator.
  const tokens = text.split('+').map((t) => t.trim());
  if (tokens.some((t) => t === '')) {
    return `"${text}" has an empty part; join modifiers and one key with +, like CommandOrControl+Alt+O (write Plus for the + key)`;
  }
  const key = tokens[tokens.length - 1] ?? '';
  const modifiers = tokens.slice(0, -1);
  const unknown = modifiers.find((m) => !MODIFIERS.has(m.toLowerCase()));
  if (unknown !== undefined) {
    return `"${unknown}" is not a modifier; use CommandOrControl, Alt, Shift, Super or their aliases`;
  }
  if (MODIFIERS.has(key.toLowerCase())) {
    return `"${text}" ends in a modifier; add the key, like ${text}+O`;
  }
  if (!isKey(key)) {
    return `"${key}" is not a key Electron knows; use a letter, a digit, F1–F24 or a named key like Space`;
  }
  if (modifiers.length === 0) {
    return `"${text}" has no modifier; a global shortcut without one would take the key from every other app`;
  }
  if (new Set(modifiers.map((m) => m.toLowerCase())).size !== modifiers.length) {
    return `"${text}" names a modifier twice`;
  }
  return undefined;
}
