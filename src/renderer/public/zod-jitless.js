// Runs before the app's modules (a classic script; module scripts are deferred), so every Zod
// schema is created with `jitless` set, whichever chunk the bundler puts Zod and the schemas in.
// Zod 4 otherwise compiles a fast parser with `new Function` after probing whether it may; the
// CSP (script-src 'self', no 'unsafe-eval') refuses it, Zod swallows the error, but Chromium
// reports each attempt as a `securitypolicyviolation`: https://github.com/colinhacks/zod/issues/4461
// (the probe honours the flag since https://github.com/colinhacks/zod/pull/5864). Zod's core
// keeps its settings on `globalThis.__zod_globalConfig` and only creates it when absent.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, {
  jitless: true,
});
