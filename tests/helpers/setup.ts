import '../../src/i18n/all';
import { configureZod } from '../../src/background/zod-config';

// Same zod settings as the background, so tests see the messages users see.
configureZod();
