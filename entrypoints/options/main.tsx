import { mountWorkbench } from '../../src/ui/options/mount';

void mountWorkbench(document.getElementById('app')!);
