/** How the alarm's sound stands: playing, or held back by the browser until the page is used. */
export type AlarmSoundState = 'playing' | 'blocked' | 'unavailable';

/** A looping alarm sound; `stop()` silences it for good. */
export interface AlarmSound {
  state(): AlarmSoundState;
  /** Try again after a click or key press (a browser may allow sound only after one). */
  unblock(): Promise<AlarmSoundState>;
  stop(): void;
}

const BEEP_EVERY_MS = 1_500;

/**
 * Starts the alarm's sound: two short square-wave beeps at 880 Hz every 1.5 s, made with Web
 * Audio (no sound file to ship or download). Browsers let a page make sound only once it has
 * been clicked or typed in (https://developer.chrome.com/blog/autoplay/#web_audio); until then
 * the sound is `blocked` and `unblock()`, called from a click or key press, starts it.
 * @param options.autoplay - start at once even before any click or key press: for a page the
 *   shell lets make sound without one (the alarm window's `autoplayPolicy`)
 */
export function startAlarmSound(options: { autoplay?: boolean } = {}): AlarmSound {
  const Context = globalThis.AudioContext as typeof AudioContext | undefined;
  if (!Context) {
    return { state: () => 'unavailable', unblock: async () => 'unavailable', stop: () => {} };
  }
  let playing: { context: AudioContext; stop: () => void } | undefined;
  let stopped = false;
  const play = (): void => {
    if (playing || stopped) return;
    const context = new Context();
    const gain = context.createGain();
    gain.gain.value = 0;
    gain.connect(context.destination);
    const oscillator = context.createOscillator();
    oscillator.type = 'square';
    oscillator.frequency.value = 880;
    oscillator.connect(gain);
    oscillator.start();
    const beep = (): void => {
      const t = context.currentTime;
      for (const start of [0, 0.3]) {
        gain.gain.setValueAtTime(0.15, t + start);
        gain.gain.setValueAtTime(0, t + start + 0.15);
      }
    };
    beep();
    const timer = setInterval(beep, BEEP_EVERY_MS);
    playing = {
      context,
      stop: () => {
        clearInterval(timer);
        oscillator.stop();
        void context.close().catch(() => {});
      },
    };
  };
  // Made only when the browser will let it run: an AudioContext made before that stays
  // suspended and the browser logs a warning for it.
  const allowed = () =>
    options.autoplay === true || (navigator.userActivation?.hasBeenActive ?? true);
  if (allowed()) play();
  const state = (): AlarmSoundState =>
    playing?.context.state === 'running' ? 'playing' : 'blocked';
  return {
    state,
    async unblock() {
      if (stopped) return state();
      if (!playing && allowed()) play();
      if (playing?.context.state === 'suspended') await playing.context.resume().catch(() => {});
      return state();
    },
    stop() {
      stopped = true;
      playing?.stop();
      playing = undefined;
    },
  };
}
