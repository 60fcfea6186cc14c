import { isMap, isScalar, visit, type Document, type LineCounter } from 'yaml';

/** A key written twice in one YAML map, and where its second use is. */
export interface DuplicateKey {
  key: string;
  /** 1-based line and column in the YAML text. */
  line: number;
  col: number;
}

/**
 * The first key that appears twice in the same map of a YAML document. yaml's own check
 * (`uniqueKeys: true`) compares every key with every earlier one, which took most of 48 s on a
 * 1 MB front matter of 85k keys (issue 10); a set per map is linear.
 * @param document - parsed with `uniqueKeys: false`
 * @param lineCounter - the counter given to parseDocument, to report the line
 */
export function findDuplicateKey(
  document: Document,
  lineCounter: LineCounter,
): DuplicateKey | undefined {
  let found: DuplicateKey | undefined;
  visit(document, {
    Map(_key, map) {
      if (!isMap(map)) return undefined;
      const seen = new Set<string>();
      for (const pair of map.items) {
        // Only plain scalar keys: complex keys (`? [a, b]`) do not occur in runbook front matter
        // and the schema refuses them anyway.
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (seen.has(key)) {
          const position = lineCounter.linePos(pair.key.range?.[0] ?? 0);
          found = { key, line: position.line, col: position.col };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}
