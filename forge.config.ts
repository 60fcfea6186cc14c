import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerDMG } from '@electron-forge/maker-dmg';
import { MakerRpm } from '@electron-forge/maker-rpm';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

// Packager picks .icns (macOS) / .ico (Windows) next to this base name; Linux makers take the PNG.
const APP_ICON = 'assets/icons/app/icon';

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    icon: APP_ICON,
    executableName: 'oncall-companion',
    appBundleId: 'dev.oncall-companion.app',
    // Incident links (src/main/electron/incident-links.ts): macOS learns the scheme from here.
    protocols: [{ name: 'On-Call Companion incident link', schemes: ['oncall-companion'] }],
  },
  rebuildConfig: {},
  makers: [
    // The .desktop file's MimeType makes Linux desktops hand oncall-companion:// links to us.
    new MakerDeb({
      options: {
        icon: `${APP_ICON}.png`,
        categories: ['Utility'],
        mimeType: ['x-scheme-handler/oncall-companion'],
      },
    }),
    new MakerRpm({
      options: {
        icon: `${APP_ICON}.png`,
        categories: ['Utility'],
        mimeType: ['x-scheme-handler/oncall-companion'],
      },
    }),
    new MakerZIP({}, ['darwin', 'linux']),
    new MakerSquirrel({ setupIcon: `${APP_ICON}.ico` }),
    new MakerDMG({ icon: `${APP_ICON}.icns` }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'src/main/electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        {
          entry: 'src/main/electron/preload.ts',
          config: 'vite.preload.config.ts',
          target: 'preload',
        },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Set at package time, before signing (design §5).
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The page comes from the app's own scheme (src/main/electron/app-scheme.ts), not file://,
      // so file:// needs none of the extra privileges Chromium gives it by default.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
