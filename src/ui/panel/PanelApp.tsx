import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { BUSINESS_IDS, BUSINESS_NAMES, isBusinessId } from '../../domain/ids';
import { getLang, joinList, t } from '../../i18n';
import { describe, toProblem } from '../../i18n/problem';
import { send } from '../../messaging/client';
import { type FrameReport, PANEL_PORT, type PanelPrefs, type PanelRules, type PanelPush, type PanelSituations, type TabView } from '../../messaging/protocol';
import { type ChecklistView, isNeeded, progress, toggleCondition } from '../../rules/status';
import type { PortalCase } from '../../cases/portal-status';
import { leadCase } from '../../cases/tab-documents';
import type { CaseStatus } from '../../domain/case-status';
import { CaseOffers } from '../components/CaseOffers';
import { ChecklistList } from '../components/ChecklistList';
import { tx, txRuns, Zh, ZhRuns } from '../components/Zh';
import { FillPreview } from '../components/FillPreview';
import { FocusOnChange } from '../components/FocusOnChange';
import { useFill } from '../components/useFill';
import { QueueBar } from '../components/QueueBar';
import { useWorkQueue } from '../components/useWorkQueue';
import { ProfileSituations, usePanelSituations } from './ProfileSituations';
import { caseFrames, compareLists, fillable, findingsByFrame, givenOnTab, materialsNamedIn, primaryFrame, unlistedOnPagedTable, uploadNotes, withFirst } from './tab-model';
import { type TabCases, useTabCases } from './use-tab-cases';

const en = () => getLang() === 'en';
/** Only a person's click acts (the frame is out of a page script's reach anyway). */
const trusted = (e: Event, act: () => void) => {
  if (e.isTrusted) act();
};

/**
 * A push from our background (the port is the extension's own: only it can post here); checked for the shape
 * the panel reads before it is used.
 */
function isTabPush(m: unknown): m is PanelPush {
  if (typeof m !== 'object' || m === null || !('type' in m) || m.type !== 'tab' || !('view' in m)) return false;
  const v = m.view;
  return typeof v === 'object' && v !== null && 'frames' in v && Array.isArray(v.frames) && 'conditions' in v && Array.isArray(v.conditions) && 'portal' in v;
}

/** The tab's state, pushed by the background through a port; reconnects when the worker restarted. */
function useTab(): { view: TabView | undefined; offline: boolean } {
  const [view, setView] = useState<TabView | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    let stopped = false;
    let port: ReturnType<typeof browser.runtime.connect> | undefined;
    const connect = () => {
      port = browser.runtime.connect({ name: PANEL_PORT });
      port.onMessage.addListener((m: unknown) => {
        setOffline(false);
        if (isTabPush(m)) setView(m.view);
      });
      port.onDisconnect.addListener(() => {
        if (stopped) return;
        setOffline(true);
        setTimeout(connect, 500);
      });
    };
    connect();
    return () => {
      stopped = true;
      port?.disconnect();
    };
  }, []);
  return { view, offline };
}

/** The page rules (checklist) of the leading frame's page and business. */
function useRules(lead: FrameReport | undefined, portal: TabView['portal'] | undefined): PanelRules | undefined {
  const [rules, setRules] = useState<PanelRules | undefined>(undefined);
  const key = lead && portal ? `${portal}|${lead.page}|${lead.business ?? ''}` : '';
  useEffect(() => {
    if (!lead?.page || !portal) return;
    let live = true;
    send('ui:panel.rules', { portal, page: lead.page, ...(lead.business ? { business: lead.business } : {}) }).then(
      (r) => live && setRules(r),
      () => live && setRules(undefined),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return rules && rules.page.id === lead?.page ? rules : undefined;
}

export function PanelApp({ prefs }: { prefs: PanelPrefs }) {
  const { view, offline } = useTab();
  const lead = primaryFrame(view);
  const rules = useRules(lead, view?.portal);
  const setPrefs = (next: Partial<PanelPrefs>) => void send('ui:panel.prefs', { ...prefs, ...next }).catch(() => undefined);

  return (
    <main class="panel" data-jzs-panel="" aria-label={t('panel.regionLabel')}>
      <header class="head">
        <h1 class="title">{t('panel.title')}</h1>
        <button type="button" data-jzs-action="move" onClick={(e) => trusted(e, () => setPrefs({ side: prefs.side === 'right' ? 'left' : 'right' }))}>
          {prefs.side === 'right' ? t('panel.moveLeft') : t('panel.moveRight')}
        </button>
        <button type="button" data-jzs-action="toggle" aria-expanded="true" onClick={(e) => trusted(e, () => setPrefs({ collapsed: true }))}>
          {t('panel.collapse')}
        </button>
      </header>
      <div class="body">
        {offline && <p class="error">{t('panel.offline')}</p>}
        {!view && !offline && <p class="meta">{t('panel.loading')}</p>}
        {view && <TabBody view={view} lead={lead} rules={rules} />}
      </div>
    </main>
  );
}

interface BodyProps {
  view: TabView;
  lead: FrameReport | undefined;
  rules: PanelRules | undefined;
}

function TabBody({ view, lead, rules }: BodyProps) {
  const conditions = useMemo(() => new Set(view.conditions), [view.conditions.join()]);
  const checklist = rules?.checklist;
  const here = checklist?.steps.filter((s) => s.page === rules?.page.id) ?? [];
  const cases = useTabCases(view);
  const shown = leadCase(cases.of(lead));
  const named = checklist && shown?.correction ? materialsNamedIn(shown.correction, checklist.items) : [];
  // The active applicant's records (read here, in the extension's frame): their businesses and situations.
  const situations = usePanelSituations(rules?.business?.id, view.frames.map((f) => f.doc).join());
  return (
    <>
      <p class="page" data-jzs-panel-page={lead?.page ?? ''}>
        {rules ? (en() ? rules.page.nameEn : rules.page.nameZh) : t('panel.pageUnknown')}
        {rules && <span class="meta"> · {en() ? rules.portal.nameEn : rules.portal.nameZh}</span>}
      </p>
      <p class="business" data-jzs-business-name="">
        {rules?.business ? t('checklist.labelled', { label: t('overlay.business'), text: en() ? rules.business.nameEn : rules.business.nameZh }) : t('overlay.businessUnknown')}
      </p>
      {lead && <Recognition lead={lead} />}
      <Guidance view={view} lead={lead} rules={rules} named={named.map((i) => (en() ? i.nameEn : i.name))} conditions={conditions} cases={cases} shown={shown} situations={situations} />
      {here.map((s) => (
        <p class="step" key={s.id}>
          {tx('checklist.labelled', { label: t('checklist.thisPage'), text: <ZhRuns text={en() ? s.textEn : s.text} /> })}
        </p>
      ))}
      {fillable(view) && <Fill />}
      <Findings view={view} />
      {checklist && <Materials view={view} checklist={withFirst(checklist, named)} conditions={conditions} situations={situations} />}
    </>
  );
}

/**
 * Says when the page was not recognised exactly (only its family or only its portal) or lacks fields its
 * definition expects (issue 11.6): hints and the checklist still follow, from the fields found on the page.
 */
function Recognition({ lead }: { lead: FrameReport }) {
  const level = lead.level ?? 'page';
  const missing = lead.missing.length;
  if (level === 'page' && missing === 0) return null;
  return (
    <section class="guide recognition" data-jzs-recognition={level} data-missing={missing}>
      {level === 'portal' && <p class="warning">{t('overlay.unrecognised')}</p>}
      {level === 'family' && <p class="warning">{t('overlay.family')}</p>}
      {missing > 0 && <p class="warning" data-jzs-missing-fields>{t('panel.missingExpected', { count: missing, names: lead.missing })}</p>}
      <PageReportTool frameId={lead.frameId} />
    </section>
  );
}

/**
 * The structure report for the maintainers (issue 11.6): asked for with a person's click, built by the frame's
 * content script, names of stored applicants redacted by the background; shown, copied or saved as .json.
 */
function PageReportTool({ frameId }: { frameId: number }) {
  const [made, setMade] = useState<{ text: string; namesRedacted: boolean; file: string } | undefined>(undefined);
  const [note, setNote] = useState<string | undefined>(undefined);
  const make = () =>
    void send('ui:panel.pageReport', { frameId }).then(
      ({ report, namesRedacted }) => {
        setNote(undefined);
        // The page id names the file; the path's own words never do (they could carry anything).
        setMade({ text: JSON.stringify(report, null, 2), namesRedacted, file: `jzs-page-report-${report.page ?? 'unknown'}.json` });
      },
      (err: unknown) => setNote(t('panel.reportFailed', { message: describe(err) })),
    );
  const area = useRef<HTMLTextAreaElement>(null);
  // The async clipboard is refused in a frame the page did not allow it to (ours is framed by a portal page):
  // then the classic copy of the selected text, which a person's click allows.
  const copy = (text: string) =>
    void navigator.clipboard.writeText(text).then(
      () => setNote(t('panel.reportCopied')),
      () => {
        area.current?.select();
        setNote(document.execCommand('copy') ? t('panel.reportCopied') : t('panel.reportCopyFailed'));
      },
    );
  const save = (text: string, file: string) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = file;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <div class="page-report">
      <button type="button" data-jzs-action="page-report" onClick={(e) => trusted(e, make)}>
        {t('panel.reportButton')}
      </button>
      {made && (
        <>
          <p class="meta">{t('panel.reportTitle')}</p>
          {!made.namesRedacted && <p class="warning" data-jzs-report-locked="">{t('panel.reportLocked')}</p>}
          <textarea ref={area} readOnly rows={8} data-jzs-page-report="" aria-label={t('panel.reportTitle')} value={made.text} />
          <button type="button" data-jzs-action="page-report-copy" onClick={(e) => trusted(e, () => copy(made.text))}>
            {t('panel.reportCopy')}
          </button>
          <button type="button" data-jzs-action="page-report-save" onClick={(e) => trusted(e, () => save(made.text, made.file))}>
            {t('panel.reportSave')}
          </button>
        </>
      )}
      {note && <p class="meta" role="status">{note}</p>}
    </div>
  );
}

interface GuidanceProps {
  view: TabView;
  lead: FrameReport | undefined;
  rules: PanelRules | undefined;
  named: string[];
  conditions: ReadonlySet<string>;
  cases: TabCases;
  /** The 办件 the leading frame's page is about, if it shows one. */
  shown: PortalCase | undefined;
  situations: PanelSituations | undefined;
}

/** What to do on this kind of page (issue 13.4). */
function Guidance({ view, lead, rules, named, conditions, cases, shown, situations }: GuidanceProps) {
  const page = lead?.page;
  // The situation to pick is the active applicant's business in progress (their open case), when there is one only.
  const [only, ...more] = situations?.businesses ?? [];
  const profileBusiness = situations?.profile && only && more.length === 0 ? { name: situations.profile.name, business: only } : undefined;
  const nameOf = (b: string) => {
    if (!isBusinessId(b)) return b;
    const n = BUSINESS_NAMES[b];
    return en() ? n.en : n.zh;
  };
  const out = [];
  if (!fillable(view)) out.push(<p class="meta" key="nofill" data-jzs-guidance="nothing-to-fill">{t('panel.nothingToFill')}</p>);
  if (page === 'zwdt-event-detail') {
    out.push(
      <p class="guide" key="situation" data-jzs-guidance="situation">
        {lead?.business
          ? t('panel.situationChosen', { name: nameOf(lead.business) })
          : profileBusiness
            ? txRuns('panel.pickSituationFor', { name: nameOf(profileBusiness.business), profile: <Zh>{profileBusiness.name}</Zh> })
            : txRuns('panel.pickSituation', { names: joinList(BUSINESS_IDS.map(nameOf)) })}
      </p>,
    );
  }
  if (shown) out.push(<CaseGuide key="case" shown={shown} status={cases.statusOf(shown)} named={named} />);
  // The same offer as the popup's (one component): the matching case updated from this page, on a click only;
  // drawn afresh for another document (what was updated on the last one is not this one's).
  if (cases.all.length) out.push(<CaseOffers key={`offers:${caseFrames(view).map((f) => f.doc).join()}`} cases={cases.all} />);
  const checklist = rules?.checklist;
  if (page === 'zwdt-declaration-notice' && checklist && lead?.portalMaterials) {
    out.push(<Compare key="compare" portal={lead.portalMaterials} checklist={checklist} conditions={conditions} />);
  }
  return <>{out}</>;
}

/** The 办件 the page is about: its status, and its 补正意见 with the materials it names (those lead the checklist). */
function CaseGuide({ shown, status, named }: { shown: PortalCase; status: CaseStatus | undefined; named: string[] }) {
  return (
    <section class="guide correction" data-jzs-guidance="case" data-case-status={status ?? ''}>
      <p>
        {/* The portal's words as shown, and in English what they mean (our status), when they map to one. */}
        {tx('panel.caseStatus', { status: <Zh>{shown.statusText}</Zh> })}
        {en() && status && ` (${t(`cases.status.${status}`)})`}
      </p>
      {shown.correction ? (
        <>
          {/* The English title quotes the portal's own term (补正意见), marked as Chinese. */}
          <h2>
            <ZhRuns text={t('panel.correctionTitle')} />
          </h2>
          <blockquote data-jzs-correction="" lang="zh-CN">
            {shown.correction}
          </blockquote>
          {named.length > 0 && <p>{tx('panel.correctionNamed', { names: <ZhRuns text={joinList(named)} /> })}</p>}
        </>
      ) : (
        status === 'needs-correction' && <p>{t('panel.correctionNone')}</p>
      )}
    </section>
  );
}

function Compare({ portal, checklist, conditions }: { portal: string[]; checklist: ChecklistView; conditions: ReadonlySet<string> }) {
  const diff = compareLists(portal, checklist, (i) => isNeeded(i, conditions));
  const ours = diff.oursOnly.map((i) => (en() ? i.nameEn : i.name));
  return (
    <section class="guide" data-jzs-guidance="compare" data-portal-only={diff.portalOnly.length} data-ours-only={ours.length}>
      <h2>{t('panel.compareTitle')}</h2>
      {diff.portalOnly.length === 0 && ours.length === 0 && <p>{t('panel.listsAgree')}</p>}
      {diff.portalOnly.length > 0 && <p class="warning">{tx('panel.portalOnly', { names: <Zh>{joinList(diff.portalOnly)}</Zh> })}</p>}
      {ours.length > 0 && <p class="warning">{tx('panel.oursOnly', { names: <ZhRuns text={joinList(ours)} /> })}</p>}
    </section>
  );
}

/**
 * 「用档案填写本页」 and the preview with its confirm: here, in the extension's own frame, where a page script can
 * neither read the values nor click (issue 12.1/12.2); the background fills the tab this frame is in.
 */
function Fill() {
  const fill = useFill();
  // The clerk's work queue (issue 17.6): position and 「下一位」 beside the fill, as in the popup.
  const queue = useWorkQueue();
  const { state } = fill;
  return (
    <section class="fill">
      {!state.preview && (
        <button
          type="button"
          class="fill-btn"
          data-jzs-action="fill"
          disabled={state.busy}
          onClick={(e) => (e.isTrusted ? fill.plan() : fill.props.onUntrusted())}
        >
          {t('fill.button')}
        </button>
      )}
      <QueueBar {...queue.bar(fill)} />
      <FocusOnChange on={state.preview ?? state.report ?? state.error}>
        {(state.preview || state.report || state.error !== undefined || state.untrusted) && <FillPreview {...fill.props} />}
        {state.error !== undefined && toProblem(state.error).code === 'errors.lock.locked' && <UnlockElsewhere />}
      </FocusOnChange>
    </section>
  );
}

/**
 * The store is locked and the panel has no passphrase field (a portal page frames it): one click to the workbench,
 * whose unlock form is out of any page's reach. Before, the panel said to enter the passphrase and offered nowhere to.
 */
function UnlockElsewhere() {
  return (
    <p data-jzs-fill-locked="">
      <button type="button" data-jzs-action="open-workbench" onClick={(e) => trusted(e, () => void browser.runtime.openOptionsPage())}>
        {t('panel.unlockOpen')}
      </button>
    </p>
  );
}

/** Validation problems of every portal frame of the tab, each under the name of its frame. */
function Findings({ view }: { view: TabView }) {
  const groups = findingsByFrame(view);
  const all = groups.flatMap((g) => g.findings);
  const errors = all.filter((f) => f.severity === 'error').length;
  const warnings = all.length - errors;
  // A frame whose rules or validators never came maps nothing, yet must be named as not checked.
  if (!view.frames.some((f) => f.mapped > 0 || f.missing.length > 0 || f.unchecked)) return null;
  // A frame whose validators did not load was not checked: the tab is not called clean.
  const unchecked = groups.some((g) => g.frame.unchecked);
  const head = all.length > 0 ? t('panel.validationCounts', { errors, warnings }) : unchecked ? t('panel.validationUnchecked') : t('panel.validationClean');
  const frameName = (f: FrameReport) => (f.pageName ? (en() ? f.pageName.en : f.pageName.zh) : t('panel.topFrame'));
  return (
    <section class="summary" data-jzs-validation-summary="" data-errors={errors} data-warnings={warnings}>
      <h2 class="summary-head">
        {t('checklist.labelled', { label: t('panel.validationTitle'), text: head })}
      </h2>
      {groups.map(({ frame, findings, missing }) => (
        <div key={frame.frameId} data-jzs-frame={frame.page ?? ''} data-frame-id={frame.frameId}>
          <h3 class="frame">{t('panel.frame', { frame: frameName(frame) })}</h3>
          {frame.unchecked && (
            <p class="warning" data-jzs-validation-unchecked="">
              {t('panel.frameUnchecked')}
            </p>
          )}
          <ul>
            {findings.map((i) => (
              <li key={`${i.key}:${i.message}`} class={i.severity} data-jzs-summary-field={i.key} data-severity={i.severity}>
                {tx('checklist.labelled', { label: <b>{i.name}</b>, text: i.message })}
              </li>
            ))}
            {missing.map((m) => (
              <li key={`missing:${m}`} class="missing" data-jzs-missing-field="">
                {t('panel.missingField', { field: m })}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** The checklist, drawn once the rest of the panel is on screen (it is the biggest part). */
function Materials({ view, checklist, conditions, situations }: { view: TabView; checklist: ChecklistView; conditions: ReadonlySet<string>; situations: PanelSituations | undefined }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const id = requestAnimationFrame(() => setShown(true));
    return () => cancelAnimationFrame(id);
  }, []);
  const done = givenOnTab(view);
  const count = progress(checklist, conditions, done);
  const unlisted = unlistedOnPagedTable(view, checklist.items);
  useEffect(() => {
    if (shown) performance.mark('jzs-checklist-ready');
  }, [shown]);
  return (
    <section class="materials-section" aria-label={t('panel.checklistTitle')}>
      <h2 class="progress" data-jzs-progress="">
        {t('checklist.progress', count)}
        {view.frames.some((f) => f.readsTable) && <span class="meta"> · {t('checklist.fromPage')}</span>}
      </h2>
      {unlisted.size > 0 && (
        <p class="warning" data-jzs-paged-table="">
          {t('panel.pagedTable')}
        </p>
      )}
      {shown && <ProfileSituations situations={situations} checklist={checklist} active={conditions} />}
      {shown && (
        <ChecklistList
          view={checklist}
          active={conditions}
          done={done}
          notes="folded"
          itemNotes={uploadNotes(view)}
          unlisted={unlisted}
          onToggleCondition={(id, on) => void send('ui:panel.conditions', { conditions: [...toggleCondition(checklist.conditions, conditions, id, on)] }).catch(() => undefined)}
        />
      )}
    </section>
  );
}
