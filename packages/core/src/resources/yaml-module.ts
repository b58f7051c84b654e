/** The `yaml` package's API: positions for `locate`, and alias-capped decoding. */
export type YamlModule = typeof import('yaml');

/**
 * Imports `yaml` when first needed (a large module most analyses never use). A bundler that
 * turns the package's CommonJS build into an ES module (the CLI's bundled bin) puts its exports
 * under `default`; both shapes are accepted.
 */
export async function importYaml(): Promise<YamlModule> {
  const module = (await import('yaml')) as YamlModule & { default?: YamlModule };
  return typeof module.parseAllDocuments === 'function' ? module : module.default!;
}
