import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { PageInfo } from '../messaging/protocol';

export interface OverlayProps {
  info: PageInfo | undefined;
  error: string | undefined;
  /** Sub-frames start collapsed so the frame's own content stays readable. */
  initiallyCollapsed: boolean;
}

export function Overlay({ info, error, initiallyCollapsed }: OverlayProps) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  return (
    <div class={collapsed ? 'panel collapsed' : 'panel'} data-jzs-panel="">
      <div class="head">
        <span class="title">{t('overlay.title')}</span>
        {info && <span class="page">{info.page.nameZh}</span>}
        <button type="button" onClick={() => setCollapsed(!collapsed)} data-jzs-action="toggle">
          {collapsed ? t('overlay.expand') : t('overlay.collapse')}
        </button>
      </div>
      {!collapsed && (
        <div class="body">
          {error && <div class="error">{t('overlay.error', { message: error })}</div>}
          {!info && !error && <div class="meta">{t('overlay.loading')}</div>}
          {info && (
            <>
              <div class="meta">{info.portal.nameZh}</div>
              <div class="business" data-jzs-business-name="">
                {info.business
                  ? `${t('overlay.business')}：${info.business.nameZh}`
                  : t('overlay.businessUnknown')}
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
