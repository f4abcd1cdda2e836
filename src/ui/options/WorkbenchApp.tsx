import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { LanguageSelect } from '../components/LanguageSelect';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { ProfilesPanel } from './ProfilesPanel';
import { RulePackPanel } from './RulePackPanel';

/** The clerk workbench (options.html). */
export function WorkbenchApp() {
  // Bumped when an import or restore changed the store, so the list reloads.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  return (
    <main>
      <header class="top">
        <h1>{t('options.title')}</h1>
        <LanguageSelect />
      </header>
      <ProfilesPanel version={version} />
      <ImportPanel onImported={changed} />
      <ExportPanel onRestored={changed} />
      <RulePackPanel />
    </main>
  );
}
