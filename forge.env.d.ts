// Constants Forge's Vite plugin defines in the main bundle (@electron-forge/plugin-vite,
// dist/config/vite.base.config.js, getBuildDefine), for the renderer entry named `main_window`.
// Declared here instead of referencing the plugin's forge-vite-env.d.ts, which types the URL as
// `string` although a packaged build defines it as `undefined`.

/** Vite's dev server URL during `electron-forge start`; undefined in a packaged build. */
declare const MAIN_WINDOW_VITE_DEV_SERVER_URL: string | undefined;
/** The renderer entry's name (`main_window`): the built page is `../renderer/<name>/index.html`. */
declare const MAIN_WINDOW_VITE_NAME: string;
