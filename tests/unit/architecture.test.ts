import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Architecture meta-tests (issue 16 item 3): the import graph of src/ between its folders has no cycle, and
 * the escape hatches of the type system (`as` casts, non-null `!`) stay at most half of what the review
 * counted (117 and 51).
 */
const SRC = resolve(import.meta.dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });
}

const sources = files(SRC).map((file) => ({ file, ast: ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true) }));

/** The folder of src/ a file belongs to (its first path segment; files directly in src/ are their own). */
const folderOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0]!.replace(/\.tsx?$/, '');

/** Relative module specifiers of a file: imports, re-exports and dynamic imports, type-only ones included. */
function specifiers(ast: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) out.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) out.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(ast);
  return out.filter((s) => s.startsWith('.'));
}

function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const { file, ast } of sources) {
    const from = folderOf(file);
    for (const spec of specifiers(ast)) {
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC)) continue;
      const to = folderOf(target);
      if (to === from) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      // Keep one example edge per folder pair, for the failure message.
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${relative(SRC, file)} → ${spec}`);
    }
  }
  return graph;
}

/** Folder cycles, each as the edges that close it (Tarjan's strongly connected components). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const strong = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) {
      const inside = new Set(component);
      out.push(component.flatMap((a) => [...(graph.get(a) ?? [])].filter(([b]) => inside.has(b)).map(([b, example]) => `${a} → ${b} (${example})`)));
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) strong(v);
  return out;
}

/**
 * Issue 16 item 3 asked for at most half of the 117 `as` casts and 51 non-null `!` the review counted in src/
 * (58 and 25). They were cut to 8 and 0 (from 148 and 37), each cast left carrying a `// why:` comment; the limit
 * is that count, a ratchet: lower it when one goes, and a new one needs its why-comment and a reviewer's yes.
 */
const LIMIT = { casts: 8, nonNull: 0 };

function countEscapes(of: readonly { ast: ts.SourceFile }[] = sources): { casts: number; nonNull: number } {
  let casts = 0;
  let nonNull = 0;
  for (const { ast } of of) {
    const visit = (node: ts.Node) => {
      if (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) {
        const type = node.type;
        const isConst = ts.isTypeReferenceNode(type) && type.typeName.getText() === 'const';
        if (!isConst) casts++;
      }
      if (ts.isNonNullExpression(node)) nonNull++;
      ts.forEachChild(node, visit);
    };
    visit(ast);
  }
  return { casts, nonNull };
}

describe('architecture', () => {
  it('has no import cycle between the folders of src/', () => {
    const found = cycles(folderGraph());
    expect(found, found.map((c) => c.join('\n')).join('\n\n')).toEqual([]);
  });

  it('the cycle check sees a cycle when there is one (control)', () => {
    const g = new Map([
      ['a', new Map([['b', 'a/x.ts → ../b/y']])],
      ['b', new Map([['a', 'b/y.ts → ../a/x']])],
    ]);
    expect(cycles(g)).toHaveLength(1);
  });

  it(`keeps \`as\` casts and non-null \`!\` at the ratchet (${LIMIT.casts} and ${LIMIT.nonNull}; issue 16 asked for at most 58 and 25)`, () => {
    const { casts, nonNull } = countEscapes();
    expect(casts, '`as` casts in src/').toBeLessThanOrEqual(LIMIT.casts);
    expect(nonNull, 'non-null `!` in src/').toBeLessThanOrEqual(LIMIT.nonNull);
  });

  it('counts casts and non-null assertions, not `as const` (control)', () => {
    const ast = ts.createSourceFile('x.ts', 'const a = b as string; const c = <number>d; const e = [1] as const; f!.g; h!;', ts.ScriptTarget.Latest, true);
    expect(countEscapes([{ ast }])).toEqual({ casts: 2, nonNull: 2 });
  });
});
