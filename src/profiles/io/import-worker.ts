/// <reference lib="webworker" />
/**
 * The import file's worker (sheet-session.ts holds the protocol): reading and checking a file never run on the
 * page's thread — the workbench and the popup may share one renderer, so a slow or hostile file must not.
 */
import { type SheetRequest, SheetSession } from './sheet-session';

const session = new SheetSession((reply) => postMessage(reply));

onmessage = (event: MessageEvent<SheetRequest>) => {
  void session.handle(event.data);
};
