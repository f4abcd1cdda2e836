import { defineContentScript } from 'wxt/utils/define-content-script';
import { trustedLifecycle } from '../src/content/lifecycle';
import { runContent } from '../src/content/main';
import { matchPatterns } from '../src/portals/origins';

export default defineContentScript({
  matches: matchPatterns(import.meta.env.BROWSER),
  allFrames: true,
  runAt: 'document_idle',
  // Epoint pages talk between their frames with postMessage; WXT's legacy "script started" post would land in
  // their handlers. The DOM event WXT also sends is enough for it.
  noScriptStartedPostMessage: true,
  // A page can forge WXT's "newer script started" event: see src/content/lifecycle.ts.
  main: (ctx) => runContent(trustedLifecycle(ctx)),
});
