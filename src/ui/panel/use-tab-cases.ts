/**
 * The 办件 of the panel's tab (issue 13.4): read here, in the extension's frame, from the markup of the frames
 * whose page can show 办件 (rule data: a page definition's `cases`), and read again when such a frame's page or
 * text changes (its report says). The reader stays out of the content script (its size is budgeted).
 */
import { useEffect, useState } from 'preact/hooks';
import type { PortalCase } from '../../cases/portal-status';
import { mapPortalStatus } from '../../cases/status-map';
import { casesOfDocuments } from '../../cases/tab-documents';
import type { CaseStatus } from '../../domain/case-status';
import { send } from '../../messaging/client';
import type { TabView } from '../../messaging/protocol';
import type { PortalStatusGroup } from '../../rules/case-statuses';
import { caseFrames } from './tab-model';

export interface TabCases {
  /** A frame's 办件, when that frame's document (by its report's `doc`) has been read. */
  of(frame: { frameId: number; doc: string } | undefined): PortalCase[];
  /** Every 办件 read on the tab, frame by frame. */
  all: PortalCase[];
  /** Our case status for a 办件's status text and code (rules/shared/case-statuses.json), when it maps. */
  statusOf(c: PortalCase): CaseStatus | undefined;
}

interface Read {
  /** Per frame id: the document the read was asked for, and its 办件. */
  frames: Map<number, { doc: string; cases: PortalCase[] }>;
  groups: PortalStatusGroup[];
}

export function useTabCases(view: TabView | undefined): TabCases {
  const frames = caseFrames(view);
  // What to read: the case frames, their documents and their texts' hashes (a change in any: read again).
  const key = frames.map((f) => `${f.frameId}:${f.doc}:${f.cases ?? ''}`).join();
  const [read, setRead] = useState<Read | undefined>(undefined);
  useEffect(() => {
    if (!key) return;
    const asked = new Map(frames.map((f) => [f.frameId, f.doc]));
    let live = true;
    send('ui:cases.tabPages', { frameIds: [...asked.keys()] }).then(
      ({ labels, groups, pages }) => {
        if (!live) return;
        const got = new Map<number, { doc: string; cases: PortalCase[] }>();
        for (const [frameId, cases] of casesOfDocuments(pages, labels, groups)) {
          const doc = asked.get(frameId);
          if (doc !== undefined) got.set(frameId, { doc, cases });
        }
        setRead({ frames: got, groups });
      },
      () => undefined, // the background is unreachable: the panel says so; what was read stays
    );
    return () => {
      live = false;
    };
  }, [key]);
  // Only what was read of the documents the frames show now (a frame that navigated shows its new page's).
  const of = (frame: { frameId: number; doc: string } | undefined) => {
    const entry = frame ? read?.frames.get(frame.frameId) : undefined;
    return entry && entry.doc === frame?.doc ? entry.cases : [];
  };
  return {
    of,
    all: frames.flatMap((f) => of(f)),
    statusOf: (c) => {
      const m = read ? mapPortalStatus(read, c.statusText, c.statusCode) : undefined;
      return m?.kind === 'mapped' ? (m.caseStatus ?? undefined) : undefined;
    },
  };
}
