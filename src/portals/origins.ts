/**
 * The three government portals the extension works on. Their addresses come from the seed
 * (../shared/seed, §一 and §二): these are the ONLY origins the extension may touch.
 *
 * Pure data + pure predicates: imported by wxt.config.ts (manifest), the content script's origin guard
 * and the background's sender checks.
 */
export const PORTAL_IDS = ['province', 'jinan-zwdt', 'jinan-zwfw'] as const;
export type PortalId = (typeof PORTAL_IDS)[number];

/** Exact origins, port included, as the browser reports `location.origin`. Names live in portal-names.ts. */
export const PORTALS: Readonly<Record<PortalId, { origin: string }>> = {
  province: { origin: 'http://124.128.19.211:81' },
  'jinan-zwdt': { origin: 'http://124.128.226.254:8090' },
  'jinan-zwfw': { origin: 'http://172.20.91.56:8080' },
};

/**
 * Match patterns. Chrome: ports allowed, so each pattern is exactly one origin. Firefox: patterns cannot carry
 * a port (Mozilla bug 1362809), so the host is matched on every port and `portalOfOrigin` rejects the wrong
 * ports at run time.
 */
export function matchPatterns(browser: string | undefined): string[] {
  return PORTAL_IDS.map((id) => (browser === 'firefox' ? `${PORTALS[id].origin.replace(/:\d+$/, '')}/*` : `${PORTALS[id].origin}/*`));
}
export const CHROME_MATCHES = /* @__PURE__ */ matchPatterns('chrome');
export const FIREFOX_MATCHES = /* @__PURE__ */ matchPatterns('firefox');

/** The portal an origin belongs to, or undefined: the one origin check every entry point uses. */
export function portalOfOrigin(origin: string): PortalId | undefined {
  return PORTAL_IDS.find((id) => PORTALS[id].origin === origin);
}

export function portalOfUrl(url: string | URL | undefined): PortalId | undefined {
  if (!url) return undefined;
  try {
    return portalOfOrigin(new URL(String(url)).origin);
  } catch {
    return undefined;
  }
}
