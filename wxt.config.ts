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
  zip: { artifactTemplate: 'jzs-assistant-{{version}}-{{browser}}.zip' },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'scripting', 'alarms'],
    host_permissions: browser === 'firefox' ? FIREFOX_MATCHES : CHROME_MATCHES,
    action: { default_title: '__MSG_extName__' },
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
