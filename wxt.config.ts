import { createRequire } from 'node:module';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CHROME_MATCHES, FIREFOX_MATCHES } from './src/portals/origins';

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  publicDir: 'assets/public',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  i18n: { localesDir: 'assets/locales' },
  // Explicit imports everywhere: easier to read and to tree-shake.
  imports: false,
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // The content script runs in every portal frame and its size is budgeted (≤ 25 KB gzip, issue 8). Chrome
    // MV3 and Firefox both give it promise-based extension APIs natively, so it is built against WXT's plain
    // `browser` instead of webextension-polyfill (22 KB raw), which stays in the background and extension pages.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const nativeBrowser = createRequire(import.meta.url).resolve('wxt/browser');
      const alias = viteConfig.resolve?.alias;
      if (alias && !Array.isArray(alias)) (alias as Record<string, string>)['wxt/browser'] = nativeBrowser;
    },
  },
  zip: { artifactTemplate: 'jzs-assistant-{{version}}-{{browser}}.zip' },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'scripting', 'alarms'],
    host_permissions: browser === 'firefox' ? FIREFOX_MATCHES : CHROME_MATCHES,
    action: { default_title: '__MSG_extName__' },
    commands: {
      'fill-page': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdFill__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jzs-assistant@jzs.invalid',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
