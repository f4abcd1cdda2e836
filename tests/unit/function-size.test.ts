import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Shell functions small enough to read (issue 16 item 3): the three that had grown past 230 lines —
 * `createRoutes`, `runContent`, `ImportPanel` — and every function of the background (its route modules) stay
 * under 80 lines, measured on the TypeScript syntax tree (first to last line of the declaration).
 */
const ROOT = resolve(import.meta.dirname, '..', '..');
const LIMIT = 80;

interface Measured {
  name: string;
  lines: number;
}

function parse(file: string): ts.SourceFile {
  const path = join(ROOT, file);
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

/** A function's name: its declaration's, or the variable, property or method it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name && !ts.isComputedPropertyName(node.name)) return node.name.text;
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && !ts.isComputedPropertyName(parent.name)) {
    return ts.isObjectBindingPattern(parent.name) || ts.isArrayBindingPattern(parent.name) ? '(destructured)' : parent.name.text;
  }
  return '(anonymous)';
}

/** Every function-like node of a file (declarations, expressions, arrows, methods, accessors) with its length. */
function functionsOf(sf: ts.SourceFile): Measured[] {
  const out: Measured[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      out.push({ name: nameOf(node), lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sizeOf(file: string, name: string): number {
  const found = functionsOf(parse(file)).filter((f) => f.name === name);
  if (found.length !== 1) throw new Error(`${file}: expected one function named ${name}, found ${found.length}`);
  return found[0]?.lines ?? Infinity;
}

describe('function size', () => {
  it.each([
    ['src/background/handlers.ts', 'createRoutes'],
    ['src/content/main.ts', 'runContent'],
    ['src/ui/options/ImportPanel.tsx', 'ImportPanel'],
  ])('%s %s is under 80 lines', (file, name) => {
    expect(sizeOf(file, name)).toBeLessThan(LIMIT);
  });

  it('every function of the background (its route modules included) is under 80 lines', () => {
    const dir = join(ROOT, 'src/background');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.filter((f) => f.startsWith('routes')).length).toBeGreaterThan(5);
    const long = files.flatMap((f) => {
      const file = relative(ROOT, join(dir, f));
      return functionsOf(parse(file))
        .filter((fn) => fn.lines >= LIMIT)
        .map((fn) => `${file} ${fn.name}: ${fn.lines} lines`);
    });
    expect(long).toEqual([]);
  });

  it('measures what it claims: a 100-line function is found and counted, nested ones too', () => {
    const body = Array.from({ length: 97 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const src = `export function big() {\n${body}\n  const inner = () => {\n    return 1;\n  };\n}\nconst small = (a: number) => a + 1;\nclass C { m() { return 2; } }\n`;
    const sf = ts.createSourceFile('x.ts', src, ts.ScriptTarget.Latest, true);
    expect(functionsOf(sf)).toEqual([
      { name: 'big', lines: 102 },
      { name: 'inner', lines: 3 },
      { name: 'small', lines: 1 },
      { name: 'm', lines: 1 },
    ]);
  });
});
