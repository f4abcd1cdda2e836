import type { PortalId } from './origins';

/** Display names and entry pages of the portals (seed §一, §二). Background and extension pages only. */
export const PORTAL_NAMES: Readonly<Record<PortalId, { nameZh: string; nameEn: string; entryUrl: string }>> = {
  province: {
    nameZh: '山东省建设执业资格注册暨继续教育管理系统',
    nameEn: 'Shandong construction practice registration system',
    entryUrl: 'http://124.128.19.211:81/organizationalztree/orgindex',
  },
  'jinan-zwdt': {
    nameZh: '济南市政务服务网厅',
    nameEn: 'Jinan online government service hall',
    entryUrl: 'http://124.128.226.254:8090/epoint-web-zwdt/epointzwmhwz/pages/default/index',
  },
  'jinan-zwfw': {
    nameZh: '济南住建一窗受理服务平台',
    nameEn: 'Jinan housing & construction one-window back office',
    entryUrl: 'http://172.20.91.56:8080/epoint-web-zwfw',
  },
};
