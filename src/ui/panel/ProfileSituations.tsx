import { useEffect, useState } from 'preact/hooks';
import type { BusinessId } from '../../domain/ids';
import { getLang, joinList, t } from '../../i18n';
import { send } from '../../messaging/client';
import type { PanelSituations } from '../../messaging/protocol';
import { type ChecklistView, toggleCondition } from '../../rules/status';
import { tx, Zh, ZhRuns } from '../components/Zh';

/**
 * The situations to offer from the active applicant's records: their current case's, which replace the tab's
 * (the clerk set them for this applicant), or the ones their fields imply, added to what is set (a person may
 * have set more). Only the checklist's own conditions; undefined when there is nothing to change.
 */
export function offeredSituations(s: PanelSituations | undefined, checklist: ChecklistView, active: ReadonlySet<string>): ReadonlySet<string> | undefined {
  if (!s?.profile || !s.conditions) return undefined;
  const known = new Set(checklist.conditions.map((c) => c.id));
  const ids = s.conditions.ids.filter((id) => known.has(id));
  let next: ReadonlySet<string> = s.conditions.from === 'case' ? new Set(ids) : active;
  if (s.conditions.from === 'profile') for (const id of ids) next = toggleCondition(checklist.conditions, next, id, true);
  const same = next.size === active.size && [...next].every((id) => active.has(id));
  return same ? undefined : next;
}

/**
 * The active applicant's records, read in the panel's extension-origin frame (never by the content script):
 * asked again when the tab's documents or the business change, and when the panel is shown again (the popup may
 * have chosen another applicant meanwhile).
 */
export function usePanelSituations(business: BusinessId | undefined, tabKey: string): PanelSituations | undefined {
  const [situations, setSituations] = useState<PanelSituations | undefined>(undefined);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    const again = () => document.visibilityState === 'visible' && setShown((n) => n + 1);
    document.addEventListener('visibilitychange', again);
    window.addEventListener('focus', again);
    return () => {
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('focus', again);
    };
  }, []);
  useEffect(() => {
    let live = true;
    send('ui:active.situations', business ? { business } : {}).then(
      (s) => live && setSituations(s),
      () => live && setSituations(undefined),
    );
    return () => {
      live = false;
    };
  }, [business, tabKey, shown]);
  return situations;
}

/**
 * 「按当前档案设置情形」: the active applicant's situations for this business, offered beside the checklist's
 * toggles; a person's click sets them for the tab, as ticking each toggle would.
 */
export function ProfileSituations({ situations, checklist, active }: { situations: PanelSituations | undefined; checklist: ChecklistView; active: ReadonlySet<string> }) {
  const next = offeredSituations(situations, checklist, active);
  if (!next || !situations?.profile || !situations.conditions) return null;
  const en = getLang() === 'en';
  const names = checklist.conditions.filter((c) => next.has(c.id)).map((c) => (en ? c.nameEn : c.name));
  const from = situations.conditions.from;
  const apply = (e: Event) => {
    if (e.isTrusted) void send('ui:panel.conditions', { conditions: [...next] }).catch(() => undefined);
  };
  return (
    <p class="guide" data-jzs-guidance="profile-situations" data-from={from} data-conditions={[...next].join(' ')}>
      {tx(from === 'case' ? 'panel.situationsFromCase' : 'panel.situationsFromProfile', {
        profile: <Zh>{situations.profile.name}</Zh>,
        names: names.length ? <ZhRuns text={joinList(names)} /> : t('panel.situationsNone'),
      })}{' '}
      <button type="button" data-jzs-action="apply-situations" onClick={apply}>
        {t('panel.situationsApply')}
      </button>
    </p>
  );
}
