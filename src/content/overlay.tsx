import { getLang, t } from '../i18n';
import type { PageRules } from '../messaging/protocol';
import { progress } from '../rules/status';
import { ChecklistList } from '../ui/components/ChecklistList';
import type { ValidationSummary } from './validation';

export interface OverlayProps {
  rules: PageRules | undefined;
  error: string | undefined;
  collapsed: boolean;
  onToggleCollapsed: () => void;
  conditions: ReadonlySet<string>;
  /** Materials the page's own upload table shows as given. */
  done: ReadonlySet<string>;
  /** Whether this page has a material table at all (then "done" means "uploaded here"). */
  readsTable: boolean;
  summary: ValidationSummary | undefined;
  onToggleCondition: (id: string, on: boolean) => void;
}

export function Overlay(props: OverlayProps) {
  const { rules, error, collapsed, conditions, done, readsTable, summary } = props;
  const en = getLang() === 'en';
  const checklist = rules?.checklist;
  const count = checklist ? progress(checklist, conditions, done) : undefined;
  const here = checklist?.steps.filter((s) => s.page === rules?.page.id) ?? [];
  return (
    <div class={collapsed ? 'panel collapsed' : 'panel'} data-jzs-panel="">
      <div class="head">
        <span class="title">{t('overlay.title')}</span>
        {summary && collapsed && errors(summary) > 0 && <span class="badge bad">{errors(summary)}</span>}
        {rules && <span class="page">{en ? rules.page.nameEn : rules.page.nameZh}</span>}
        {count && collapsed && (
          <span class="badge">
            {count.done}/{count.needed}
          </span>
        )}
        <button type="button" onClick={props.onToggleCollapsed} data-jzs-action="toggle">
          {collapsed ? t('overlay.expand') : t('overlay.collapse')}
        </button>
      </div>
      {
        <div class="body" hidden={collapsed}>
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
              {summary && (summary.mapped > 0 || summary.missing.length > 0) && <Summary summary={summary} />}
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
      }
    </div>
  );
}

const errors = (s: ValidationSummary) => s.items.filter((i) => i.severity === 'error').length;

function Summary({ summary }: { summary: ValidationSummary }) {
  const warnings = summary.items.filter((i) => i.severity === 'warning').length;
  return (
    <section class="summary" data-jzs-validation-summary="" data-errors={errors(summary)} data-warnings={warnings}>
      <div class="summary-head">
        {t('validation.summaryTitle')}：
        {summary.items.length === 0 ? t('validation.summaryClean') : t('validation.summaryCounts', { errors: errors(summary), warnings })}
      </div>
      <ul>
        {summary.items.map((i) => (
          <li key={`${i.key}:${i.message}`} class={i.severity} data-jzs-summary-field={i.key} data-severity={i.severity}>
            <b>{i.name}</b>：{i.message}
          </li>
        ))}
        {summary.missing.map((m) => (
          <li key={`missing:${m.key}`} class="missing" data-jzs-missing-field={m.key} title={t('validation.missingHelp')}>
            {t('validation.missingField', { field: m.name })}
          </li>
        ))}
      </ul>
    </section>
  );
}
