/**
 * Routes of the on-page panel: portal frames report their page and ask for its rules (`cs:*`); the panel's
 * extension-origin frame acts only for the portal tab it is framed into (sender.panel, checked in sender.ts).
 */
import { needsChecker } from '../../content/checker';
import { CodedError } from '../../i18n/problem';
import { redactReport } from '../../portals/page-report';
import { LockedError } from '../../security/codec';
import type { Routes } from '../router';
import type { PageReport, ReportAnswer } from '../../messaging/protocol';
import type { SenderInfo } from '../sender';
import type { RouteContext } from './context';
import { contentRules, labelReadings, pageRules, panelRules } from './page-rules';

/** The panel frame that sent a message, or a refusal for any other sender. */
function panelOf(sender: SenderInfo) {
  const panel = sender.kind === 'extension' ? sender.panel : undefined;
  if (!panel) throw new CodedError('errors.request.forbidden');
  return panel;
}

/** A portal frame's report into the tab's hub, and what the frame needs back. */
async function takeReport(ctx: RouteContext, sender: Extract<SenderInfo, { kind: 'content' }>, report: PageReport): Promise<ReportAnswer> {
  const { conditions, worker } = ctx.panels.hub.report(sender.tabId, sender.frameId, sender.portal, report);
  return { conditions, prefs: await ctx.panels.prefs.get(sender.portal), worker };
}

/** The portal frames' own messages (a content script: its page, its rules, its validators, the pill). */
const frameRoutes = (ctx: RouteContext) =>
  ({
    'cs:pageRules': {
      from: ['content'],
      handle: async ({ report, checks, ...req }, sender) => {
        // A content script only asks about pages of the portal it runs on.
        if (sender.kind !== 'content' || sender.portal !== req.portal) throw new CodedError('errors.request.unknownPage', { page: req.page, portal: req.portal });
        // The report goes into the hub at once (the panel shows the page while its rules are made).
        const [tab, rules] = await Promise.all([report && takeReport(ctx, sender, report), pageRules(ctx, req).then(contentRules)]);
        // The validators go into a frame that lacks them and whose page has something to check, before the answer
        // (src/content/checker.ts): no message of their own, and they are there when the frame starts its hints.
        if (checks && needsChecker(rules.fields, rules.checks)) await ctx.panels.injectPart?.(sender.tabId, sender.frameId, 'checks');
        return tab ? { ...rules, tab } : rules;
      },
    },
    // Label texts of a portal frame's page, read by the pack's lexicon (the content script does not carry it).
    'cs:labels': {
      from: ['content'],
      handle: async ({ labels }) => ({ readings: await labelReadings(ctx, labels) }),
    },
    // The validators into a frame that has none yet, where a file was just chosen (src/content/checker.ts).
    'cs:checks': {
      from: ['content'],
      handle: async (_req, sender) => {
        if (sender.kind !== 'content') throw new CodedError('errors.request.forbidden');
        await ctx.panels.injectPart?.(sender.tabId, sender.frameId, 'checks');
        return {};
      },
    },
    'cs:report': {
      from: ['content'],
      handle: async ({ report }, sender) => {
        if (sender.kind !== 'content') throw new CodedError('errors.request.forbidden');
        return takeReport(ctx, sender, report);
      },
    },
    // The pill the top frame's content script draws (only a person's click sends this): open/side remembered
    // for the portal. The frame that asked has already applied it; no other frame has a panel.
    'cs:panel.prefs': {
      from: ['content'],
      handle: async (prefs, sender) => {
        if (sender.kind !== 'content' || sender.frameId !== 0) throw new CodedError('errors.request.forbidden');
        await ctx.panels.prefs.set(sender.portal, prefs);
        return prefs;
      },
    },
  }) satisfies Partial<Routes>;

export const panelRoutes = (ctx: RouteContext) =>
  ({
    ...frameRoutes(ctx),
    'ui:panel.rules': {
      from: ['extension'],
      handle: async (req, sender) => {
        if (panelOf(sender).portal !== req.portal) throw new CodedError('errors.request.forbidden');
        return panelRules(await pageRules(ctx, req));
      },
    },
    'ui:panel.conditions': {
      from: ['extension'],
      handle: async ({ conditions }, sender) => {
        const panel = panelOf(sender);
        ctx.panels.hub.setConditions(panel.tabId, conditions);
        await ctx.panels.tellTab(panel.tabId, 'bg:conditions', { conditions });
        return {};
      },
    },
    'ui:panel.prefs': {
      from: ['extension'],
      handle: async (prefs, sender) => {
        const panel = panelOf(sender);
        await ctx.panels.prefs.set(panel.portal, prefs);
        await ctx.panels.tellTab(panel.tabId, 'bg:panel', prefs, 0);
        return prefs;
      },
    },
    // The structure report of one frame of the panel's tab: built by that frame's content script, then the
    // stored applicants' names redacted here, where they are (a heading or 办件 title often carries one).
    'ui:panel.pageReport': {
      from: ['extension'],
      handle: async ({ frameId }, sender) => {
        const panel = panelOf(sender);
        // The report's code is not in the content script (src/content/checker.ts): it goes into that frame first.
        await ctx.panels.injectPart?.(panel.tabId, frameId, 'report');
        const answer = await ctx.tabs.sendToFrame(panel.tabId, frameId, 'bg:pageReport', {});
        if (!answer) throw new CodedError('errors.noReply');
        const names = await ctx.profiles.names().catch((err: unknown) => {
          if (err instanceof LockedError) return undefined;
          throw err;
        });
        return { report: redactReport(answer.report, names ?? []), namesRedacted: names !== undefined };
      },
    },
  }) satisfies Partial<Routes>;
