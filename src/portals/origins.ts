/**
 * The three government portals the extension works on. Their addresses come from the seed
 * (../shared/seed, §一 and §二): these are the ONLY origins the extension may touch.
 *
 * Pure data + pure predicates: imported by wxt.config.ts (manifest), the content script's origin guard
 * and the background's sender checks.
 */
export const PORTAL_IDS = ['province', 'jinan-zwdt', 'jinan-zwfw'] as const;
export type PortalId = (typeof PORTAL_IDS)[number];

export interface PortalInfo {
  id: PortalId;
  /** Exact origin, port included, as the browser reports `location.origin`. */
  origin: string;
  host: string;
  nameZh: string;
  nameEn: string;
  /** Where a user starts (seed). */
  entryUrl: string;
}

export const PORTALS: Readonly<Record<PortalId, PortalInfo>> = {
  province: {
    id: 'province',
    origin: 'http://124.128.19.211:81',
    host: '124.128.19.211',
    nameZh: '山东省建设执业资格注册暨继续教育管理系统',
    nameEn: 'Shandong construction practice registration system',
    entryUrl: 'http://124.128.19.211:81/organizationalztree/orgindex',
  },
  'jinan-zwdt': {
    id: 'jinan-zwdt',
    origin: 'http://124.128.226.254:8090',
    host: '124.128.226.254',
    nameZh: '济南市政务服务网厅',
    nameEn: 'Jinan online government service hall',
    entryUrl: 'http://124.128.226.254:8090/epoint-web-zwdt/epointzwmhwz/pages/default/index',
  },
  'jinan-zwfw': {
    id: 'jinan-zwfw',
    origin: 'http://172.20.91.56:8080',
    host: '172.20.91.56',
    nameZh: '济南住建一窗受理服务平台',
    nameEn: 'Jinan housing & construction one-window back office',
    entryUrl: 'http://172.20.91.56:8080/epoint-web-zwfw',
  },
};

/** Chrome match patterns: ports allowed, so each pattern is exactly one origin. */
export const CHROME_MATCHES: string[] = PORTAL_IDS.map((id) => `${PORTALS[id].origin}/*`);

/**
 * Firefox match patterns cannot carry a port (Mozilla bug 1362809), so the host is matched on every port and
 * `portalOfOrigin` rejects the wrong ports at run time.
 */
export const FIREFOX_MATCHES: string[] = PORTAL_IDS.map((id) => `http://${PORTALS[id].host}/*`);

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
