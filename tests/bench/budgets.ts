/** The content script's size budget (issue 8, T2): 25 KiB after gzip level 9 (Node's zlib). */
export const CONTENT_SCRIPT_BUDGET = 25 * 1024;
