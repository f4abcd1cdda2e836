/** `pages.<lang>.json?panel`: the panel's part of a pages catalogue, cut at build time (panel-texts.ts). */
declare module '*.json?panel' {
  const texts: Record<string, unknown>;
  export default texts;
}
