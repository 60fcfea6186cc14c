// @doyensec/electronegativity ships no types; only what the Electronegativity gate test uses is
// declared (dist/runner.js, its programmatic entry).
declare module '@doyensec/electronegativity' {
  // It is one CommonJS function (`module.exports = run`), so `export =`; its types hang off it.
  namespace run {
    /** One of the tool's levels; `value` orders them (3 HIGH, 2 MEDIUM, 1 LOW, 0 INFORMATIONAL). */
    export interface Level {
      readonly value: number;
      readonly name: string;
    }
    export interface Issue {
      readonly id: string;
      /** Relative to the input when `isRelative` is set. */
      readonly file: string;
      readonly location: { readonly line: number; readonly column: number };
      readonly description: string;
      readonly severity: Level;
      readonly confidence: Level;
      readonly manualReview: boolean;
      readonly shortenedURL: string;
    }
    export interface RunOptions {
      input: string;
      output?: string;
      isSarif?: boolean;
      /** Check names (class or id) to run alone; empty for all. */
      customScan: string[];
      /** Check names (class or id) to skip. */
      excludeFromScan: string[];
      severitySet?: string;
      confidenceSet?: string;
      isRelative?: boolean;
      isVerbose?: boolean;
      electronUpgrade?: string;
      /** The Electron version to judge defaults by, instead of the one found in a package.json. */
      electronVersionOverride?: string;
      parserPlugins: string[];
    }
    export interface RunResult {
      readonly globalChecks: number;
      readonly atomicChecks: number;
      /** Files it could not parse (`tolerable` when it parsed them anyway). */
      readonly errors: readonly { file: string; message: string; tolerable: boolean }[];
      readonly issues: readonly Issue[];
    }
  }
  function run(options: run.RunOptions): Promise<run.RunResult>;
  export = run;
}
