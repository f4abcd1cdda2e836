import { isApplyAnswer } from './confirm';
import { type PageApplyAnswer, type PageApplyRequest, pageScript } from './page-script';
import type { PlannedFrame } from './types';

/**
 * The confirm's call into the page script the preview's probe kept in the document (page-script.ts `keep`):
 * a few bytes to send, and code already compiled and warm. Runs in the page's MAIN world (serialised by
 * `scripting.executeScript`, so it must stand alone). null when the script is not there (then it is sent whole).
 */
export function callKept(key: string, req: unknown): unknown {
  const kept: unknown = Reflect.get(window, key);
  return typeof kept === 'function' ? Reflect.apply(kept, undefined, [req]) : null;
}

/** The page script's confirm, as `executeScript` serialises it (the kit and probe overloads are not sent). */
export const applyInPage: (req: PageApplyRequest) => PageApplyAnswer = pageScript;

/** Runs a function in a frame's MAIN world bound to its document; undefined when that document is gone. */
export type MainWorld = <A extends unknown[], R>(tabId: number, frame: PlannedFrame, func: (...args: A) => R, args: A) => Promise<R | undefined>;

/**
 * One frame's `apply`: through the kept script where the probe left one (not finding it means another document
 * at the same address — nothing is written there), else the script sent whole. An answer is believed only in
 * the shape `apply` answers.
 */
export async function applyVia(mainWorld: MainWorld, tabId: number, frame: PlannedFrame, req: PageApplyRequest): Promise<PageApplyAnswer | undefined> {
  const answer: unknown = frame.pageKey ? await mainWorld(tabId, frame, callKept, [frame.pageKey, req]) : await mainWorld(tabId, frame, applyInPage, [req]);
  return answer !== null && isApplyAnswer(answer) ? answer : undefined;
}
