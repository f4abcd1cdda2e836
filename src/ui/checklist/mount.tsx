import { render } from 'preact';
import '../../i18n/all';
import { t } from '../../i18n';
import { loadLanguage } from '../../i18n/setting';
import { BASE_CSS, injectCss } from '../common/base-css';
import { CHECKLIST_CSS } from '../components/ChecklistList';
import { ChecklistPageApp } from './ChecklistPageApp';
import { CasePackets } from './CasePackets';
import { Unlocked } from './Unlocked';
import { isOpaqueId } from '../../domain/ids';

const PRINT_CSS = `
body { padding: 16px 24px; background: #eef1f5; }
.toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; max-width: 190mm; margin: 0 auto 12px; }
.sheet { background: #fff; max-width: 190mm; margin: 0 auto; padding: 12mm 12mm; box-shadow: 0 2px 10px rgba(0,0,0,.12); }
.sheet h1 { text-align: center; font-size: 20px; margin-bottom: 10px; }
.sheet h1 .en { font-size: 14px; color: #52606d; }
.sheet h2 { font-size: 15px; border-left: 4px solid #0b5cad; padding-left: 6px; margin-top: 14px; }
table.info, table.offices { width: 100%; border-collapse: collapse; margin: 6px 0; font-size: 13px; }
table.info th, table.info td, table.offices th, table.offices td { border: 1px solid #c5d3e3; padding: 4px 6px; text-align: left; }
table.info th, table.offices th { background: #f3f6fa; width: 7em; white-space: nowrap; }
table.info td[data-jzs-applicant-name] { min-width: 10em; }
.summary { font-size: 13px; color: #323f4b; }
.checklist .note { font-size: 12.5px; }
.steps, .checks { font-size: 13px; padding-left: 1.4em; }
.sources { margin-top: 14px; font-size: 11px; color: #616e7c; }
@page { size: A4; margin: 12mm; }
.sheet.packet { margin-bottom: 16px; }
table.cover td { min-width: 8em; }
@media print {
  body { background: #fff; padding: 0; font-size: 10.5pt; }
  .no-print { display: none !important; }
  .sheet { box-shadow: none; padding: 0; max-width: none; }
  .checklist .item, .steps li, table tr { break-inside: avoid; }
  .sheet.packet { break-after: page; margin: 0; }
  .sheet.packet:last-child { break-after: auto; }
  .checklist .conditions input { accent-color: #000; }
  a { color: inherit; text-decoration: none; }
}
`;

export async function mountChecklist(el: HTMLElement, url: URL): Promise<void> {
  await loadLanguage(() => location.reload());
  injectCss(document, BASE_CSS + CHECKLIST_CSS + PRINT_CSS);
  document.title = t('checklistPage.title');
  // ?case=<id> / ?cases=a,b,c: one printable packet per case (cover sheet + checklist + steps).
  const caseIds = [url.searchParams.get('case') ?? '', ...(url.searchParams.get('cases') ?? '').split(',')].filter(isOpaqueId);
  if (caseIds.length) {
    render(
      <Unlocked>
        <CasePackets ids={caseIds} now={new Date()} />
      </Unlocked>,
      el,
    );
    return;
  }
  const conditions = (url.searchParams.get('conditions') ?? '').split(',').filter(Boolean);
  const profile = url.searchParams.get('profile');
  const app = (
    <ChecklistPageApp business={url.searchParams.get('business')} conditions={conditions} name={url.searchParams.get('name') ?? ''} profile={profile} now={new Date()} />
  );
  // Only a link to an applicant needs the store; a plain checklist look-up works while it is locked.
  render(profile ? <Unlocked>{app}</Unlocked> : app, el);
}
