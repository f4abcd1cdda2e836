import { useState } from 'preact/hooks';
import { getLang, t } from '../i18n';
import type { PageRules } from '../messaging/protocol';
import { progress } from '../rules/status';
import { ChecklistList } from '../ui/components/ChecklistList';

export interface OverlayProps {
  rules: PageRules | undefined;
  error: string | undefined;
  /** Sub-frames start collapsed so the frame's own content stays readable. */
  initiallyCollapsed: boolean;
  conditions: ReadonlySet<string>;
  /** Materials the page's own upload table shows as given. */
  done: ReadonlySet<string>;
  /** Whether this page has a material table at all (then "done" means "uploaded here"). */
  readsTable: boolean;
  onToggleCondition: (id: string, on: boolean) => void;
}

export function Overlay(props: OverlayProps) {
  const { rules, error, initiallyCollapsed, conditions, done, readsTable } = props;
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const en = getLang() === 'en';
  const checklist = rules?.checklist;
  const count = checklist ? progress(checklist, conditions, done) : undefined;
  const here = checklist?.steps.filter((s) => s.page === rules?.page.id) ?? [];
  return (
    <div class={collapsed ? 'panel collapsed' : 'panel'} data-jzs-panel="">
      <div class="head">
        <span class="title">{t('overlay.title')}</span>
        {rules && <span class="page">{en ? rules.page.nameEn : rules.page.nameZh}</span>}
        {count && collapsed && (
          <span class="badge">
            {count.done}/{count.needed}
          </span>
        )}
        <button type="button" onClick={() => setCollapsed(!collapsed)} data-jzs-action="toggle">
          {collapsed ? t('overlay.expand') : t('overlay.collapse')}
        </button>
      </div>
      {!collapsed && (
        <div class="body">
          {error && <div class="error">{t('overlay.error', { message: error })}</div>}
          {!rules && !error && <div class="meta">{t('overlay.loading')}</div>}
          {rules && (
            <>
              <div class="meta">{en ? rules.portal.nameEn : rules.portal.nameZh}</div>
              <div class="business" data-jzs-business-name="">
                {rules.business
                  ? `${t('overlay.business')}：${en ? rules.business.nameEn : rules.business.nameZh}`
                  : t('overlay.businessUnknown')}
              </div>
              {here.map((s) => (
                <div class="step" key={s.id}>
                  {t('checklist.thisPage')}：{en ? s.textEn : s.text}
                </div>
              ))}
              {checklist && count && (
                <>
                  <div class="progress" data-jzs-progress="">
                    {t('checklist.progress', count)}
                    {readsTable && <span class="meta"> · {t('checklist.fromPage')}</span>}
                  </div>
                  <ChecklistList
                    view={checklist}
                    active={conditions}
                    done={done}
                    notes="folded"
                    onToggleCondition={props.onToggleCondition}
                  />
                </>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
