// Test support: a strict well-formedness check for the XML we write (JUnit), with no parser dependency.
// It accepts the subset we emit: a declaration, elements, attributes in double quotes, text, and the
// five predefined entities plus numeric references. Anything else is reported.

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) problems.push('contains a control character XML 1.0 forbids');
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  if (body.startsWith('<?xml')) problems.push('malformed XML declaration');
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let roots = 0;
  for (let match = token.exec(body); match; match = token.exec(body)) {
    const [, closing, name, attributes, selfClosing, text, strayLt] = match;
    if (strayLt) {
      problems.push(`stray "<" at ${match.index}: ${body.slice(match.index, match.index + 30)}`);
      continue;
    }
    if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') problems.push(`text outside the root element: ${text.slice(0, 30)}`);
      problems.push(...entityProblems(text));
      continue;
    }
    problems.push(...entityProblems(attributes ?? ''));
    const names = [...(attributes ?? '').matchAll(/([A-Za-z_][\w.-]*)=/g)].map((attribute) => attribute[1]);
    if (new Set(names).size !== names.length) problems.push(`duplicate attribute on <${name}>`);
    if (closing) {
      if (stack.pop() !== name) problems.push(`</${name}> does not close the open element`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots += 1;
      stack.push(name!);
    } else if (stack.length === 0) roots += 1;
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}

function entityProblems(text: string): string[] {
  const bad = [...text.matchAll(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g)];
  return bad.map((match) => `unescaped "&" near: ${text.slice(match.index, match.index + 20)}`);
}
