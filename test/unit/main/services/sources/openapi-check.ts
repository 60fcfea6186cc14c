import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// Checks a JSON value against a schema of an API document, Swagger 2.0 (YAML) or OpenAPI 3
// (JSON): $ref (any JSON pointer into the document), allOf, oneOf/anyOf, type (integer
// included), nullable, required, properties, additionalProperties, items, enum, date-time.
// Enough to keep our fixtures and fakes honest to the published specs without a full validator
// dependency. oneOf is read as "at least one branch fits": PagerDuty's document offers a
// reference and the full object as branches, and a reference fits both.

/**
 * The published Alertmanager API v2 document, copied unchanged into the repository so a clone
 * can run the tests on its own.
 */
export const ALERTMANAGER_SPEC_PATH = fileURLToPath(
  new URL('../../../../fixtures/specs/alertmanager-openapi-v2.yaml', import.meta.url),
);

/** PagerDuty's published REST API v2 document (OpenAPI 3.0), copied unchanged likewise. */
export const PAGERDUTY_SPEC_PATH = fileURLToPath(
  new URL('../../../../fixtures/specs/pagerduty-rest-openapi-v3.json', import.meta.url),
);

interface SchemaNode {
  $ref?: string;
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  type?: string;
  nullable?: boolean;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  enum?: unknown[];
  format?: string;
}

interface ResponseNode {
  $ref?: string;
  content?: Record<string, { schema?: SchemaNode }>;
}

const documents = new Map<string, unknown>();

/**
 * A spec, parsed once per test file (PagerDuty's is 2.7 MB), not once per check.
 * @param specPath - a YAML or JSON file
 */
export function specDocument(specPath: string): unknown {
  let doc = documents.get(specPath);
  if (doc === undefined) {
    const text = readFileSync(specPath, 'utf8');
    doc = specPath.endsWith('.json') ? JSON.parse(text) : parse(text);
    documents.set(specPath, doc);
  }
  return doc;
}

/**
 * Every way `value` breaks definition `name` of a Swagger 2.0 spec, as `path: problem` lines.
 * @param specPath - a Swagger 2.0 YAML file
 * @param name - a key of its `definitions`
 * @param value - the JSON to check
 */
export function specProblems(specPath: string, name: string, value: unknown): string[] {
  return schemaProblems(specPath, `#/definitions/${escape(name)}`, value);
}

/**
 * Every way `value` breaks the schema at a JSON pointer of a spec, as `path: problem` lines.
 * @param specPath - a Swagger 2.0 YAML or OpenAPI 3 JSON file
 * @param pointer - `#/components/schemas/Incident`, or any other JSON pointer to a schema
 * @param value - the JSON to check
 */
export function schemaProblems(specPath: string, pointer: string, value: unknown): string[] {
  const doc = specDocument(specPath);
  const problems: string[] = [];
  check(doc, at(doc, pointer) as SchemaNode, value, '$', problems);
  return unique(problems);
}

/**
 * Every way a response body breaks what an OpenAPI 3 operation documents for its status.
 * @param specPath - an OpenAPI 3 JSON file
 * @param method - `get`, `put`, `post`, …
 * @param path - the path template as the spec writes it: `/incidents/{id}/snooze`
 * @param status - the status answered
 * @param body - the body answered, parsed
 * @throws when the spec documents no such response (so a fake cannot answer what the API never does)
 */
export function responseProblems(
  specPath: string,
  method: string,
  path: string,
  status: number,
  body: unknown,
): string[] {
  const doc = specDocument(specPath);
  const pointer = `#/paths/${escape(path)}/${method.toLowerCase()}/responses/${status}`;
  let response: ResponseNode;
  try {
    response = at(doc, pointer) as ResponseNode;
  } catch {
    throw new Error(`${method.toUpperCase()} ${path} documents no ${status} response`);
  }
  while (response.$ref) response = at(doc, response.$ref) as ResponseNode;
  const schema = response.content?.['application/json']?.schema;
  if (!schema) throw new Error(`${method.toUpperCase()} ${path} ${status} has no JSON schema`);
  const problems: string[] = [];
  check(doc, schema, body, '$', problems);
  return unique(problems);
}

// Two parts of an allOf that both say "object" find the same fault twice.
function unique(problems: string[]): string[] {
  return [...new Set(problems)];
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Follow a JSON pointer (`#/a/b~1c`) from the document's root. */
function at(doc: unknown, pointer: string): unknown {
  let node = doc;
  for (const raw of pointer.replace(/^#\/?/, '').split('/')) {
    if (raw === '') continue;
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !(key in node)) {
      throw new Error(`unresolved JSON pointer ${pointer}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function resolve(doc: unknown, node: SchemaNode): SchemaNode {
  return node.$ref ? resolve(doc, at(doc, node.$ref) as SchemaNode) : node;
}

function check(doc: unknown, raw: SchemaNode, value: unknown, path: string, out: string[]) {
  const node = resolve(doc, raw);
  if (value === null && node.nullable) return;
  for (const part of node.allOf ?? []) check(doc, part, value, path, out);
  const branches = node.oneOf ?? node.anyOf;
  if (branches) {
    const tried = branches.map((branch) => {
      const problems: string[] = [];
      check(doc, branch, value, path, problems);
      return problems;
    });
    if (!tried.some((problems) => problems.length === 0)) {
      out.push(`${path}: fits none of its ${branches.length} forms (${tried[0]?.join('; ')})`);
    }
  }
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
  if (node.type === 'integer' && !Number.isInteger(value)) out.push(`${path}: expected integer`);
  if (node.type === 'number' && typeof value !== 'number') out.push(`${path}: expected number`);
  if (node.type === 'boolean' && typeof value !== 'boolean') out.push(`${path}: expected boolean`);
  if (node.enum && !node.enum.includes(value))
    out.push(`${path}: not one of ${node.enum.join(', ')}`);
}
