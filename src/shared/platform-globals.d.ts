// The WHATWG URL class exists in every runtime src/shared runs in (Node, Chromium, Electron),
// but lib "ES2023" does not declare it; declare only what src/shared uses, not all of DOM.
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
}
