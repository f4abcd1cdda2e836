import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { installPart } from '../src/content/checker';
import { invalidate } from '../src/portals/dom';
import { pageReport } from '../src/portals/page-report';

/**
 * The structure report a person asks the panel for (contract.md `page-report`), injected by the background into
 * that one frame before it asks (src/content/checker.ts), not bundled into the content script every portal frame
 * loads. This file's copy of the DOM readers keeps its own caches: read afresh for each report.
 */
export default defineUnlistedScript(() =>
  installPart('report', (doc, ...rest) => {
    invalidate(doc);
    return pageReport(doc, ...rest);
  }),
);
