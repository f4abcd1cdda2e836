import { isApplyAnswer } from './confirm';
import { type PageApplyAnswer, type PageApplyRequest, pageScript } from './page-script';
import type { PlannedFrame } from './types';

/**
 * The confirm's call into the page script the preview's probe kept in the document (page-script.ts `keep`):
 * a few bytes to send, and code already compiled and warm. Runs in the page's MAIN world (serialised by
 * `scripting.executeScript`, so it must stand alone). null when the script is not there (then it is sent whole).
 */
export function callKept(key: string, request: string): unknown {
  const kept: unknown = Reflect.get(window, key);
  return typeof kept === 'function' ? Reflect.apply(kept, undefined, [request]) : null;
}

/** The page script's confirm over its wire (one string each way), as `executeScript` serialises it. */
export const applyInPage: (request: string) => Promise<string> = pageScript;
/** The wire's end on this side (page-script.ts defines the format once, for both ends). */
const wire = pageScript({ op: 'kit' });

/** Runs a function in a frame's MAIN world bound to its document; undefined when that document is gone. */
export type MainWorld = <A extends unknown[], R>(tabId: number, frame: PlannedFrame, func: (...args: A) => R, args: A) => Promise<R | undefined>;

/**
 * One frame's `apply` in ONE main-world call, the request and the answer each as one string (page-script.ts
 * `toWire`; as objects, executeScript's conversion of 40 writes and 40 results cost ~1 ms each way, bench T8):
 * through the kept script where the probe left one (not finding it means another document at the same
 * address — nothing is written there), else the script sent whole. An answer is believed only as one result
 * per write in the shape `apply` answers.
 */
export async function applyVia(mainWorld: MainWorld, tabId: number, frame: PlannedFrame, req: PageApplyRequest): Promise<PageApplyAnswer | undefined> {
  const request = wire.toWire(req);
  const answer: unknown = frame.pageKey ? await mainWorld(tabId, frame, callKept, [frame.pageKey, request]) : await mainWorld(tabId, frame, applyInPage, [request]);
  const decoded = wire.answerFromWire(answer, req);
  return isApplyAnswer(decoded) ? decoded : undefined;
}
