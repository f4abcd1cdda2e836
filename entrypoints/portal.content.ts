import { defineContentScript } from 'wxt/utils/define-content-script';
import { runContent } from '../src/content/main';
import { CHROME_MATCHES, FIREFOX_MATCHES } from '../src/portals/origins';

export default defineContentScript({
  matches: import.meta.env.BROWSER === 'firefox' ? FIREFOX_MATCHES : CHROME_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main: (ctx) => runContent(ctx),
});
