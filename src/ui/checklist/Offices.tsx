import { getLang, t } from '../../i18n';
import type { OfficeView } from '../../messaging/protocol';
import { Zh, ZhRuns } from '../components/Zh';

/** 受理与审批机构: where the applicant goes and whom they call (the rule pack's offices), on checklists and packets. */
export function Offices({ offices }: { offices: readonly OfficeView[] }) {
  const en = getLang() === 'en';
  return (
    <>
      <h2>{t('checklistPage.offices')}</h2>
      <table class="offices" data-jzs-offices={offices.length}>
        <tbody>
          {offices.map((o) => (
            <tr key={o.role}>
              <th>{en ? <ZhRuns text={o.roleEn} /> : o.role}</th>
              <td>
                <Zh>{o.name}</Zh>
                {o.address && (
                  <>
                    {t('checklist.sep')}
                    <Zh>{o.address}</Zh>
                  </>
                )}
                {o.phone && `${t('checklist.sep')}${t('checklistPage.phone', { phone: o.phone })}`}
                {o.url && `${t('checklist.sep')}${o.url}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
