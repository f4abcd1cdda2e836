import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { LanguageSelect } from '../components/LanguageSelect';
import { useLock } from '../components/useLock';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { LockPanel } from './LockPanel';
import { ProfilesPanel } from './ProfilesPanel';
import { RulePackPanel } from './RulePackPanel';
import { UndoBar } from './UndoBar';

/** The clerk workbench (options.html). While the store is locked only the unlock form and rules show. */
export function WorkbenchApp() {
  // Bumped when an import or restore changed the store, so the list reloads.
  const [version, setVersion] = useState(0);
  const changed = () => setVersion((v) => v + 1);
  const lock = useLock();
  const locked = lock.status?.locked ?? false;
  return (
    <main>
      <header class="top">
        <h1>{t('options.title')}</h1>
        <LanguageSelect />
      </header>
      {locked && <LockPanel status={lock.status} onStatus={(s) => (lock.set(s), changed())} />}
      {lock.status && !locked && (
        <>
          <UndoBar version={version} onUndone={changed} />
          <ProfilesPanel version={version} onChanged={changed} />
          <ImportPanel onImported={changed} />
          <ExportPanel onRestored={changed} />
          <LockPanel status={lock.status} onStatus={(s) => (lock.set(s), changed())} />
        </>
      )}
      <RulePackPanel />
    </main>
  );
}
