/**
 * The `itemsHolding` hint for objects looked up by name: Kubernetes names are written as they are in
 * every YAML style, so only the items that hold one of the names need decoding (a list released
 * after the rules, read again for one owner, costs a search instead of a decode). Empty when a name
 * has other characters: then every item is decoded.
 */
export function itemsNaming(names: Iterable<string>): { itemsHolding?: readonly (readonly string[])[] } {
  const list = [...new Set(names)].sort();
  return list.length > 0 && list.every((name) => /^[A-Za-z0-9_./:@-]+$/.test(name)) ? { itemsHolding: [list] } : {};
}
