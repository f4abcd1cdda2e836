import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import { readFileSync } from 'node:fs';
import { CHROME_MATCHES, FIREFOX_MATCHES } from './src/portals/origins';
import { panelTexts } from './src/i18n/panel-texts';

/**
 * zod 4 compiles validators with the Function constructor unless told `jitless` (which we always do, see
 * src/background/zod-config.ts). MV3 forbids dynamic code, and store reviews flag it even when unused, so the
 * two places that would build functions are replaced at bundle time. A build test fails if they come back.
 */
function stripZodJit(): Plugin {
  const patches: Array<[RegExp, RegExp, string]> = [
    [/[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/, /const F = Function;\s*new F\(""\);\s*return true;/, 'return false;'],
    [
      /[\\/]zod[\\/]v4[\\/]core[\\/]doc\.js$/,
      /compile\(\) \{[\s\S]*?return factory\(\.\.\.Object\.values\(this\.closed\)\);\s*\}/,
      'compile() { throw new Error("zod JIT is disabled: MV3 extensions run no dynamic code"); }',
    ],
  ];
  return {
    name: 'jzs-strip-zod-jit',
    enforce: 'pre',
    transform(code, id) {
      const patch = patches.find(([file]) => file.test(id));
      if (!patch) return undefined;
      const next = code.replace(patch[1], patch[2]);
      if (next === code) this.error(`zod changed: the JIT code in ${id} no longer matches; update wxt.config.ts`);
      return { code: next, map: null };
    },
  };
}

/**
 * Our styles are CSS text in `export const X_CSS = \`…\`` constants (shadow roots and extension pages);
 * bundlers do not minify CSS inside JS strings, so this does (whitespace and comments only).
 */
function minifyCssConstants(): Plugin {
  const minify = (css: string) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{}:;,>])\s*/g, '$1')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'jzs-minify-css-constants',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.tsx?$/.test(id) || !code.includes('_CSS = `')) return undefined;
      // Interpolations (\${OTHER_CSS}) are kept as they are: only the literal parts are minified.
      const next = code.replace(/(_CSS = `)((?:[^`\\]|\\.)*)(`)/g, (_m, a: string, body: string, b: string) =>
        a + body.split(/(\$\{[^}]*\})/).map((part) => (part.startsWith('${') ? part : minify(part))).join('') + b,
      );
      return { code: next, map: null };
    },
  };
}

/**
 * Page definitions (rules/pages/*.json) go into the content script for detection without a round trip, but
 * only what detection reads; names, expected fields and id hints come with the page rules (size budget).
 */
export function stripPageNames(): Plugin {
  return {
    name: 'jzs-strip-page-names',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]rules[\\/]pages[\\/][^\\/]+\.json$/.test(id)) return undefined;
      const { id: page, portal, path, markers, business } = JSON.parse(code) as Record<string, unknown>;
      return { code: JSON.stringify({ id: page, portal, path, markers, business }), map: null };
    },
  };
}

/**
 * `assets/i18n/pages.<lang>.json?panel`: the catalogue cut to the parts the on-page panel shows (panel-texts.ts),
 * a module of its own, so the panel's frame does not load the workbench's texts (issue 13.5). Served as a module
 * whose default export is the cut catalogue (a query id is not handed to the JSON loader).
 */
function panelTextsJson(): Plugin {
  const wanted = /[\\/]assets[\\/]i18n[\\/]pages\.[\w-]+\.json\?panel$/;
  return {
    name: 'jzs-panel-texts',
    enforce: 'pre',
    load(id) {
      if (!wanted.test(id)) return undefined;
      const file = id.slice(0, -'?panel'.length);
      this.addWatchFile(file);
      return `export default ${JSON.stringify(panelTexts(JSON.parse(readFileSync(file, 'utf8'))))};`;
    },
  };
}

/** Drawn for the product: assets/icon/icon.svg, rendered by tests/tools/draw-icons.ts. */
const ICONS = Object.fromEntries([16, 32, 48, 128].map((size) => [String(size), `icons/${size}.png`]));

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  publicDir: 'assets/public',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  i18n: { localesDir: 'assets/locales' },
  // Explicit imports everywhere: easier to read and to tree-shake.
  imports: false,
  manifestVersion: 3,
  // Workers are bundled by their own Vite pipeline: the import worker checks rows with zod, so it gets the same patch.
  vite: () => ({ plugins: [stripZodJit(), minifyCssConstants(), panelTextsJson(), preact()], worker: { plugins: () => [stripZodJit()] } }),
  hooks: {
    // WXT takes the toolbar title from the popup's <title> (Chinese, fixed); the manifest's is the localized name.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.action = { ...manifest.action, default_title: '__MSG_extName__' };
    },
    // The content script runs in every portal frame and its size is budgeted (≤ 25 KB gzip, issue 8). Chrome
    // MV3 and Firefox both give it promise-based extension APIs natively, so it is built against WXT's plain
    // `browser` instead of webextension-polyfill (22 KB raw), which stays in the background and extension pages.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      viteConfig.plugins = [stripPageNames(), ...(viteConfig.plugins ?? [])];
      // Terser's three compress passes make it ~2.5 % smaller after gzip than the default minifier (measured:
      // 27,605 → 26,942 bytes); only for this bundle, where every byte is budgeted and the build is small.
      viteConfig.build = { ...viteConfig.build, minify: 'terser', terserOptions: { ecma: 2020, compress: { passes: 3 }, format: { comments: false } } };
      const nativeBrowser = createRequire(import.meta.url).resolve('wxt/browser');
      const alias = viteConfig.resolve?.alias;
      if (alias && !Array.isArray(alias)) {
        (alias as Record<string, string>)['wxt/browser'] = nativeBrowser;
        // WXT's content-script context, reduced to what we use (see src/content/script-context.ts).
        (alias as Record<string, string>)['wxt/utils/content-script-context'] = resolve(import.meta.dirname, 'src/content/script-context.ts');
      }
    },
  },
  zip: { artifactTemplate: 'jzs-assistant-{{version}}-{{browser}}.zip' },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'scripting', 'alarms', 'notifications'],
    host_permissions: browser === 'firefox' ? FIREFOX_MATCHES : CHROME_MATCHES,
    icons: ICONS,
    action: { default_icon: ICONS },
    // The on-page panel (issue 13) is framed into portal pages only. Firefox matches by host (no port): the
    // background serves a panel only in a tab whose page is on an exact portal origin (sender.ts).
    web_accessible_resources: [
      browser === 'firefox'
        ? { resources: ['panel.html'], matches: FIREFOX_MATCHES }
        : { resources: ['panel.html'], matches: CHROME_MATCHES, use_dynamic_url: false },
    ],
    commands: {
      'fill-page': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdFill__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'jzs-assistant@jzs.invalid',
              // The lowest Firefox with every API and manifest key we use (tests/e2e/firefox-compat.test.ts, MDN's data).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
