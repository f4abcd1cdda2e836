import { mountPanel } from '../../src/ui/panel/mount';

void mountPanel(document.getElementById('app')!);
