import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Relative specifiers of static imports and re-exports (`from './x'`), the only kind our
// sources use between their own files.
const RELATIVE_FROM = /(\bfrom\s+)(['"])(\.{1,2}\/[^'"]+)\2/g;

/**
 * Transpile a TypeScript entry file and every file it imports relatively into plain `.mjs`
 * files under `outDir` (same tree, relative to `root`), so `node` can run it without a loader.
 * Type-only: no type check, no bundling, the same code tsx would run. Spawning plain `node`
 * starts in ~50 ms where `node --import tsx` takes ~200 ms, which matters to a test that
 * spawns a thousand children.
 * @param entry - the entry file, absolute
 * @param root - the directory the tree is mirrored from (the repo root)
 * @param outDir - where the `.mjs` files go
 * @returns the compiled entry
 */
export function compileForNode(entry: string, root: string, outDir: string): string {
  const done = new Set<string>();
  const pending = [path.resolve(entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (done.has(file)) continue;
    done.add(file);
    const source = fs.readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2023,
        verbatimModuleSyntax: true,
      },
    });
    const rewritten = outputText.replace(
      RELATIVE_FROM,
      (_, from: string, quote: string, spec: string) => {
        pending.push(resolveSource(path.dirname(file), spec));
        return `${from}${quote}${spec.replace(/\.ts$/, '')}.mjs${quote}`;
      },
    );
    const target = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.mjs');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, rewritten);
  }
  return path.join(outDir, path.relative(root, entry)).replace(/\.ts$/, '.mjs');
}

function resolveSource(dir: string, spec: string): string {
  const base = path.resolve(dir, spec);
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && fs.existsSync(candidate)) return candidate;
  }
  throw new Error(`compileForNode: cannot resolve ${spec} from ${dir}`);
}
