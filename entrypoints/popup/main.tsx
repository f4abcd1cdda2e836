import { mountPopup } from '../../src/ui/popup/mount';

void mountPopup(document.getElementById('app')!);
