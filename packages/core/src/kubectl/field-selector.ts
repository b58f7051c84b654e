import { InvalidSelectorError } from './kubectl-errors.js';
import { evaluateJsonPath, parseJsonPath, type JsonPath } from './json-path.js';

/**
 * Field selectors as `kubectl --field-selector` takes them: `path=value`, `path==value`,
 * `path!=value`, joined by commas (`\,` `\=` `\\` escape). The API server accepts only a few
 * paths per kind (`metadata.name`, `metadata.namespace`, `status.phase`, `spec.nodeName`, …);
 * over a bundle any dotted path works. A path the object lacks compares as the empty string,
 * so `status.phase!=Running` also selects objects without a phase, as on a live cluster.
 */
export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export interface FieldSelector {
  source: string;
  requirements: readonly (FieldRequirement & { path: JsonPath })[];
}

export function parseFieldSelector(source: string): FieldSelector {
  const requirements: (FieldRequirement & { path: JsonPath })[] = [];
  for (const term of splitUnescaped(source, ',')) {
    if (term.trim() === '') continue;
    const match = /^(.*?[^\\])(==|!=|=)(.*)$/.exec(term);
    if (!match) throw new InvalidSelectorError(source, `invalid field selector term "${term}": expected field=value or field!=value`);
    const field = match[1]!.trim();
    if (!/^[A-Za-z_][\w.-]*$/.test(field)) throw new InvalidSelectorError(source, `invalid field path "${field}"`);
    requirements.push({
      field,
      operator: match[2] === '!=' ? '!=' : '=',
      value: unescape(match[3]!),
      path: parseJsonPath(`.${field}`),
    });
  }
  return { source, requirements };
}

export function matchesFields(selector: FieldSelector, object: unknown): boolean {
  return selector.requirements.every((requirement) => {
    const [value] = evaluateJsonPath(requirement.path, object);
    const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    return requirement.operator === '=' ? text === requirement.value : text !== requirement.value;
  });
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '\\' && index + 1 < text.length) {
      current += char + text[index + 1];
      index += 1;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
