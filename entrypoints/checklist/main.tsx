import { mountChecklist } from '../../src/ui/checklist/mount';

void mountChecklist(document.getElementById('app')!, new URL(location.href));
