import type { JsonPatchOperation } from '../rule/rule-types.js';

/**
 * Applies JSON-Patch operations (RFC 6902: add, remove, replace, test) to a copy of a document.
 * Strict like the API server: a missing parent or a failed test is an error, so the diff we
 * show is exactly what `kubectl patch --type=json` would do to the object in the bundle.
 */
export function applyJsonPatch<T>(document: T, operations: readonly JsonPatchOperation[]): T {
  let result: unknown = structuredClone(document);
  for (const [index, operation] of operations.entries()) {
    try {
      result = applyOne(result, operation);
    } catch (error) {
      throw new JsonPatchError(index, operation, error instanceof Error ? error.message : String(error));
    }
  }
  return result as T;
}

export class JsonPatchError extends Error {
  readonly operationIndex: number;

  constructor(index: number, operation: JsonPatchOperation, reason: string) {
    super(`operation ${index} (${operation.op} ${operation.path}) does not apply: ${reason}`);
    this.name = 'JsonPatchError';
    this.operationIndex = index;
  }
}

function applyOne(document: unknown, operation: JsonPatchOperation): unknown {
  const segments = parse(operation.path);
  if (segments.length === 0) {
    if (operation.op === 'add' || operation.op === 'replace') return structuredClone(operation.value);
    if (operation.op === 'test') return assertEqual(document, operation.value), document;
    throw new Error('cannot remove the whole document');
  }
  const parent = walk(document, segments.slice(0, -1));
  const last = segments[segments.length - 1]!;
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : arrayIndex(last, parent.length + (operation.op === 'add' ? 1 : 0));
    switch (operation.op) {
      case 'add':
        parent.splice(index, 0, structuredClone(operation.value));
        break;
      case 'remove':
        requireIndex(parent, index);
        parent.splice(index, 1);
        break;
      case 'replace':
        requireIndex(parent, index);
        parent[index] = structuredClone(operation.value);
        break;
      case 'test':
        requireIndex(parent, index);
        assertEqual(parent[index], operation.value);
        break;
    }
    return document;
  }
  if (parent === null || typeof parent !== 'object') throw new Error(`parent of ${operation.path} is not an object or array`);
  const record = parent as Record<string, unknown>;
  const has = Object.prototype.hasOwnProperty.call(record, last);
  switch (operation.op) {
    case 'add':
      record[last] = structuredClone(operation.value);
      break;
    case 'remove':
      if (!has) throw new Error(`${operation.path} does not exist`);
      delete record[last];
      break;
    case 'replace':
      if (!has) throw new Error(`${operation.path} does not exist`);
      record[last] = structuredClone(operation.value);
      break;
    case 'test':
      assertEqual(record[last], operation.value);
      break;
  }
  return document;
}

function walk(document: unknown, segments: string[]): unknown {
  let current = document;
  for (const [depth, segment] of segments.entries()) {
    if (Array.isArray(current)) current = current[arrayIndex(segment, current.length)];
    else if (current !== null && typeof current === 'object' && Object.prototype.hasOwnProperty.call(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else {
      throw new Error(`/${segments.slice(0, depth + 1).join('/')} does not exist`);
    }
    if (current === undefined) throw new Error(`/${segments.slice(0, depth + 1).join('/')} does not exist`);
  }
  return current;
}

function arrayIndex(segment: string, bound: number): number {
  if (!/^(0|[1-9]\d*)$/.test(segment) || Number(segment) >= bound) throw new Error(`array index ${segment} is out of range`);
  return Number(segment);
}

function requireIndex(array: unknown[], index: number): void {
  if (index >= array.length) throw new Error(`array index ${index} is out of range`);
}

function assertEqual(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error('test failed: value differs');
}

function parse(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`path ${JSON.stringify(pointer)} must start with /`);
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}
