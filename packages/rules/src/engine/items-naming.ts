/**
 * The `itemsHolding` hint for objects looked up by name: only the items that hold one of the names
 * need decoding (a list released after the rules, read again for one owner, costs a search instead
 * of a decode). Empty when a name has other characters: then every item is decoded.
 *
 * A name the kit's yaml.v2 writes plain is looked for as `name: <name>`: that is how an object's
 * own metadata.name reads, and every reference to it by name (an event's involvedObject and
 * regarding, ownerReferences, claimRef). The bare name would also match every item that only
 * mentions it: on L, the 2,300 events whose source host or message names a node were decoded to
 * attach the few about it (≈ 200 ms). A name yaml.v2 quotes (`"123"`, `"yes"`, a date) or that may
 * not be plain is looked for bare, as before.
 */
export function itemsNaming(names: Iterable<string>): { itemsHolding?: readonly (readonly string[])[] } {
  const list = [...new Set(names)].sort();
  if (list.length === 0 || !list.every((name) => /^[A-Za-z0-9_./:@-]+$/.test(name))) return {};
  return { itemsHolding: [list.map((name) => (writtenPlain(name) ? `name: ${name}` : name))] };
}

/** YAML 1.1's words for booleans and null: yaml.v2 quotes a string that spells one. */
const YAML_WORDS = new Set(['y', 'yes', 'n', 'no', 'true', 'false', 'on', 'off', 'null']);

/**
 * Whether yaml.v2 surely writes the name unquoted: a DNS subdomain that starts with a letter (no
 * number, date or `.inf` can) and is no YAML 1.1 boolean or null word.
 */
function writtenPlain(name: string): boolean {
  return /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(name) && !YAML_WORDS.has(name);
}
