import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// Checks a JSON value against one definition of a Swagger 2.0 document: $ref, allOf, type,
// required, properties, additionalProperties, items, enum, date-time. Enough to keep our
// fixtures honest to Alertmanager's published spec without a full validator dependency.

/**
 * The published Alertmanager API v2 document, copied unchanged into the repository so a clone
 * can run the tests on its own.
 */
export const ALERTMANAGER_SPEC_PATH = fileURLToPath(
  new URL('../../../../fixtures/specs/alertmanager-openapi-v2.yaml', import.meta.url),
);

interface SchemaNode {
  $ref?: string;
  allOf?: SchemaNode[];
  type?: string;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  enum?: unknown[];
  format?: string;
}

interface SwaggerDocument {
  definitions: Record<string, SchemaNode>;
}

/**
 * Every way `value` breaks definition `name` of the spec, as `path: problem` lines.
 * @param specPath - a Swagger 2.0 YAML file
 * @param name - a key of its `definitions`
 * @param value - the JSON to check
 */
export function specProblems(specPath: string, name: string, value: unknown): string[] {
  const doc = parse(readFileSync(specPath, 'utf8')) as SwaggerDocument;
  const root = doc.definitions[name];
  if (!root) throw new Error(`${specPath} has no definition "${name}"`);
  const problems: string[] = [];
  check(doc, root, value, '$', problems);
  return problems;
}

function resolve(doc: SwaggerDocument, node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  const name = node.$ref.replace('#/definitions/', '');
  const target = doc.definitions[name];
  if (!target) throw new Error(`unresolved $ref ${node.$ref}`);
  return resolve(doc, target);
}

function check(doc: SwaggerDocument, raw: SchemaNode, value: unknown, path: string, out: string[]) {
  const node = resolve(doc, raw);
  for (const part of node.allOf ?? []) check(doc, part, value, path, out);
  if (node.type === 'array') {
    if (!Array.isArray(value)) return void out.push(`${path}: expected array`);
    value.forEach((item, i) => node.items && check(doc, node.items, item, `${path}[${i}]`, out));
    return;
  }
  if (node.type === 'object' || node.properties || node.required) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return void out.push(`${path}: expected object`);
    }
    const record = value as Record<string, unknown>;
    for (const key of node.required ?? []) {
      if (!(key in record)) out.push(`${path}.${key}: required`);
    }
    for (const [key, child] of Object.entries(record)) {
      const declared = node.properties?.[key];
      if (declared) check(doc, declared, child, `${path}.${key}`, out);
      else if (typeof node.additionalProperties === 'object') {
        check(doc, node.additionalProperties, child, `${path}.${key}`, out);
      }
    }
    return;
  }
  if (node.type === 'string') {
    if (typeof value !== 'string') return void out.push(`${path}: expected string`);
    if (node.format === 'date-time' && Number.isNaN(Date.parse(value))) {
      out.push(`${path}: expected date-time`);
    }
  }
  if (node.type === 'boolean' && typeof value !== 'boolean') out.push(`${path}: expected boolean`);
  if (node.enum && !node.enum.includes(value))
    out.push(`${path}: not one of ${node.enum.join(', ')}`);
}
