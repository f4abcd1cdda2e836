import { BUSINESS_NAMES } from '../domain/ids';
import type { PageInfo } from '../messaging/protocol';
import { PORTALS } from '../portals/origins';
import { pageById } from '../portals/registry';
import { openJzsDB } from '../storage/db';
import type { Routes } from './router';

function refused(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * The background's message handlers. Each is stateless: whatever it needs is read from the bundled data or
 * IndexedDB, so a service worker restarted between two messages answers the second one the same way.
 */
export function createRoutes(openDb = openJzsDB): Routes {
  return {
    'cs:pageInfo': {
      from: ['content'],
      handle: (req, sender) => {
        const page = pageById(req.page);
        // A content script only asks about pages of the portal it runs on.
        if (
          !page ||
          sender.kind !== 'content' ||
          page.portal !== sender.portal ||
          page.portal !== req.portal
        ) {
          throw refused('unknown-page', `页面 ${req.page} 不属于 ${req.portal}`);
        }
        const portal = PORTALS[page.portal];
        const info: PageInfo = {
          portal: { id: portal.id, nameZh: portal.nameZh, nameEn: portal.nameEn },
          page: { id: page.id, nameZh: page.nameZh, nameEn: page.nameEn },
        };
        if (req.business) {
          const b = BUSINESS_NAMES[req.business];
          info.business = { id: req.business, nameZh: b.zh, nameEn: b.en };
        }
        return info;
      },
    },
    'ui:getSetting': {
      from: ['extension'],
      handle: async ({ key }) => {
        const db = await openDb();
        return (await db.get('settings', key)) ?? null;
      },
    },
    'ui:putSetting': {
      from: ['extension'],
      handle: async (record) => {
        const db = await openDb();
        await db.put('settings', record);
        return record;
      },
    },
  };
}
