/**
 * Browser tests in Firefox: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the built
 * Firefox extension (.output/firefox-mv3) installed as a temporary add-on.
 *
 * Network safety (testing.md, mandatory), as in harness.ts:
 *  1. every page's requests are intercepted before it loads: portal URLs are answered from the replicas,
 *     moz-extension:// URLs continue, everything else is aborted;
 *  2. Firefox's own proxy is a closed loopback port (127.0.0.1:9, no exceptions), which catches what
 *     interception cannot see (the browser's background services, the extension's background page);
 *  3. the browser's update, telemetry, safe-browsing and captive-portal services are switched off.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type HTTPRequest, type Page } from 'puppeteer-core';
import { portalOfUrl } from '../../src/portals/origins';
import { type LoggedRequest, resolveReplica, ROOT } from './harness';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv3');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
/** The Firefox build's add-on id (wxt.config.ts) and a fixed internal UUID, so extension URLs are known. */
const ADDON_ID = 'jzs-assistant@jzs.invalid';
export const EXTENSION_UUID = '4b0d6f0e-1c2a-4f5e-9a7b-0c1d2e3f4a5b';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}. Install Debian's Firefox ESR (apt-get install -y firefox-esr) or set FIREFOX_PATH ` +
        'to a Firefox binary (128 or later: WebDriver BiDi and add-on install). Tests never download a browser.',
    );
  }
  return path;
}

const PREFS: Record<string, unknown> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.ping-centre.telemetry': false,
  'browser.region.network.url': '',
  'browser.search.geoip.url': '',
  'intl.locale.requested': 'zh-CN',
  'intl.accept_languages': 'zh-CN',
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXTENSION_UUID }),
  // A temporary add-on is removed when the browser closes: keep its storage and UUID for the next launch.
  'extensions.webextensions.keepStorageOnUninstall': true,
  'extensions.webextensions.keepUuidOnUninstall': true,
};

export interface FirefoxSession {
  browser: Browser;
  requests: LoggedRequest[];
  /** A new tab with the network guard, sized like the Chromium tests' pages. */
  newPage(): Promise<Page>;
  /** Answer this exact URL (not a portal origin) with a fixture file, as a test's own stand-in page. */
  serve(url: string, file: string): void;
  close(): Promise<void>;
}

/** Answer one request as harness.ts `routeRequest` does: replicas for portal URLs, nothing else leaves. */
async function answer(req: HTTPRequest, log: LoggedRequest[], extra: ReadonlyMap<string, string>): Promise<void> {
  const url = req.url();
  if (url.startsWith('data:')) return req.continue(); // in the document itself (a replica's inline font): no network
  const own = extra.get(url);
  if (own) {
    log.push({ url, outcome: 'replica' });
    return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, own)) });
  }
  if (url.startsWith('moz-extension://')) {
    log.push({ url, outcome: 'extension' });
    return req.continue();
  }
  if (portalOfUrl(url)) {
    const hit = resolveReplica(url);
    log.push({ url, outcome: hit ? 'replica' : 'not-found' });
    if (hit) return req.respond({ status: 200, contentType: hit.type, body: readFileSync(join(FIXTURES, hit.file)) });
    return req.respond({ status: 404, contentType: 'text/html; charset=utf-8', body: '<h1>404 Not Found</h1>' });
  }
  log.push({ url, outcome: 'aborted' });
  return req.abort('blockedbyclient');
}

/**
 * Launch Firefox with the built add-on. `profileDir`: a browser profile to keep across launches (the add-on is
 * installed again each time, with the same id and UUID, and Firefox keeps its storage between the two).
 */
export async function launchFirefox(opts: { profileDir?: string; prefs?: Record<string, unknown> } = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`${FIREFOX_EXTENSION_DIR} missing: run \`npx wxt build -b firefox\` first`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    extraPrefsFirefox: { ...PREFS, ...opts.prefs },
    ...(opts.profileDir ? { args: ['-profile', opts.profileDir] } : {}),
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const requests: LoggedRequest[] = [];
  const extra = new Map<string, string>();
  return {
    browser,
    requests,
    serve: (url, file) => void extra.set(url, file),
    async newPage() {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 860 });
      await page.setRequestInterception(true);
      page.on('request', (req) => void answer(req, requests, extra));
      return page;
    },
    close: () => quit(browser),
  };
}

/**
 * Close Firefox and wait until it has written its profile out. Puppeteer's `close()` asks Firefox to quit and
 * SIGKILLs it 5 s later; on a loaded machine Firefox's shutdown takes longer, and a killed Firefox loses what its
 * IndexedDB had not yet written to disk — so a test that reads the profile's files after a close (the lock's
 * "nowhere on disk" test and its control) would read a half-written profile. Here the quit is asked over BiDi
 * directly and the process is given a minute to exit; only then is puppeteer's close (and its kill) left to act.
 */
async function quit(browser: Browser): Promise<void> {
  const proc = browser.process();
  if (proc && proc.exitCode === null && proc.signalCode === null) {
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    // The BiDi connection is not in puppeteer's public types; `browser.close` is the WebDriver BiDi command.
    const bidi = (browser as unknown as { connection?: { send(method: string, params: object): Promise<unknown> } }).connection;
    await bidi?.send('browser.close', {}).catch(() => undefined); // the answer may not come: the browser is gone
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 60_000))]);
  }
  await browser.close();
}

/**
 * The panel's extension frame in a page. Firefox's BiDi does not report an out-of-process extension frame's
 * address (it stays about:blank to the driver), so each child frame is asked where it is.
 */
export async function firefoxPanel(page: Page, timeout = 15_000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      const href = await f.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`moz-extension://${EXTENSION_UUID}/panel.html`)) return f;
    }
    if (Date.now() > until) throw new Error(`no panel frame in ${page.url()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A message to the background from an extension page (the panel frame), as the extension's own pages send it. */
export async function sendFromFrame<T = unknown>(frame: Frame, name: string, data: unknown): Promise<T> {
  const reply: unknown = await frame.evaluate(
    (n: string, d: unknown) => (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).browser.runtime.sendMessage({ jzs: 1, name: n, data: d }),
    name,
    data as never,
  );
  const r = reply as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!r.ok) throw Object.assign(new Error(r.error?.message), { code: r.error?.code });
  return r.data as T;
}
