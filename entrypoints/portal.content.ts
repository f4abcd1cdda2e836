import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContent } from '../src/content/main';
import { matchPatterns } from '../src/portals/origins';

export default defineContentScript({
  matches: matchPatterns(import.meta.env.BROWSER),
  allFrames: true,
  runAt: 'document_idle',
  main: (ctx) => runContent(ctx),
});
