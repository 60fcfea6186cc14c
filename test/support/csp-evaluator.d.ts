// @doyensec/csp-evaluator ships no types; only what the CSP gate test uses is declared.
declare module '@doyensec/csp-evaluator' {
  export class CspParser {
    constructor(csp: string);
    readonly csp: unknown;
  }
  export const Version: { readonly CSP1: number; readonly CSP2: number; readonly CSP3: number };
  export interface Finding {
    readonly type: number;
    readonly description: string;
    /** Google's scale: 10 high, 20 syntax, 30 medium, 40 possibly high, 50 possibly medium. */
    readonly severity: number;
    readonly directive: string;
    readonly value?: string;
  }
  export class CspEvaluator {
    constructor(csp: unknown, version: number);
    evaluate(): Finding[];
  }
}
