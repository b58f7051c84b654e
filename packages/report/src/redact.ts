import type { Report } from './report-types.js';

/**
 * Secret masking. Support bundles are not fully scrubbed: ConfigMaps, Helm values, Fleet bundles and
 * logs keep tokens, passwords, keys and certificates, and every excerpt we quote may carry one into a
 * ticket. Masking is by shape, not by knowing where secrets live, so it errs on the side of masking:
 * a key that names a secret has its value masked whatever the value looks like. What is never masked:
 * pure hex (digests, git SHAs), UUIDs, booleans and empty values, paths, and the key names themselves,
 * so an excerpt still says *which* field held a secret. Line numbers are never touched.
 */
export const MASK = '***';

/** Key names whose value is a secret: the key ends in one of these words (`adminPassword`, `client_secret`). */
const SECRET_KEY =
  String.raw`[A-Za-z0-9_.-]*?(?:password|passwd|passphrase|pwd|token|secret|secretkey|apikey|api[_-]key|accesskey|access[_-]key|privatekey|private[_-]key|cabundle|credentials?)`;

/** Values that carry nothing secret: masking them would only hide what the field was set to. */
const HARMLESS_VALUE = /^(?:|true|false|null|~|\||>|[|>][-+]?|\{\}|\[\]|\*\*\*)$/i;

interface MaskRule {
  /** Why the rule exists, for readers of this file. */
  what: string;
  pattern: RegExp;
  /** Returns the replacement, or `undefined` to leave the match as it is. */
  mask: (match: string, ...groups: string[]) => string | undefined;
}

const RULES: readonly MaskRule[] = [
  {
    what: 'PEM blocks: private keys and certificates, also with literal \\n inside JSON strings',
    pattern: /-----BEGIN ([A-Z0-9 ]{1,64})-----([\s\S]*?)(?:-----END \1-----|$)/g,
    mask: (_match, label, body) => (body!.replace(/\\n/g, '').trim() === '' ? undefined : `-----BEGIN ${label}-----${MASK}-----END ${label}-----`),
  },
  {
    what: 'JSON Web Tokens (service-account tokens, kubeconfigs): header.payload.signature starting eyJ',
    pattern: /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
    mask: () => MASK,
  },
  {
    what: 'credentials in URLs: scheme://user:password@host',
    pattern: /\b([a-z][a-z0-9+.-]*:\/\/)([^\s:/@]+):([^\s/@]+)@/gi,
    mask: (_match, scheme, user, password) => (password === MASK ? undefined : `${scheme}${user}:${MASK}@`),
  },
  {
    what: 'bearer tokens in headers and log lines',
    pattern: /\b(bearer)(\s+)([A-Za-z0-9._~+/=-]{8,})/gi,
    mask: (_match, word, space) => `${word}${space}${MASK}`,
  },
  {
    what: 'Authorization headers of any scheme (Basic carries user:password in base64)',
    pattern: /\b(authorization["']?\s*[:=]\s*["']?(?:basic|bearer|token|digest)?\s*)([^\s"',;]+)/gi,
    mask: (_match, prefix, value) => (value === MASK ? undefined : `${prefix}${MASK}`),
  },
  {
    what: 'secrets passed as command-line flags: --token=…, --password …',
    pattern: /(--?(?:token|password|passwd|secret|client-secret|api-key|access-key|secret-key|private-key|bootstrap-token)(?:=|\s+))(["']?)([^\s"']+)\2/gi,
    mask: (_match, flag, quote, value) => (value === MASK ? undefined : `${flag}${quote}${MASK}${quote}`),
  },
  {
    what: 'key: value, key=value and "key":"value" where the key names a secret (YAML, JSON, env, query strings); a path segment (`/etc/passwd: …`) is not a key',
    pattern: new RegExp(
      String.raw`(?<![A-Za-z0-9_./-])(\\?["']?)(${SECRET_KEY})(\\?["']?\s*[:=]\s*)(?:\\"((?:[^"\\]|\\[^"])*)\\"|"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s,;&}\]"']+))`,
      'gi',
    ),
    mask: (_match, open, key, separator, escaped, double, single, bare) => {
      const value = escaped ?? double ?? single ?? bare ?? '';
      if (HARMLESS_VALUE.test(value.trim())) return undefined;
      const masked = escaped !== undefined ? `\\"${MASK}\\"` : double !== undefined ? `"${MASK}"` : single !== undefined ? `'${MASK}'` : MASK;
      return `${open}${key}${separator}${masked}`;
    },
  },
  {
    what: 'JSON-Patch operations (kubectl patch -p) whose path ends in a secret-named key: the value is the secret',
    pattern: new RegExp(String.raw`("path"\s*:\s*"[^"]*/${SECRET_KEY}"\s*,\s*"value"\s*:\s*)"((?:[^"\\]|\\.)*)"`, 'gi'),
    mask: (_match, prefix, value) => (HARMLESS_VALUE.test(value!) ? undefined : `${prefix}"${MASK}"`),
  },
  {
    what: 'long base64 runs (caBundle, certificate and key data, opaque tokens); pure hex and paths are left alone',
    pattern: /[A-Za-z0-9+/]{40,}={0,2}/g,
    mask: (match) => (looksLikeBase64Secret(match) ? MASK : undefined),
  },
];

function looksLikeBase64Secret(run: string): boolean {
  if (/^[0-9a-fA-F]+$/.test(run)) return false;
  if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || !/[0-9]/.test(run)) return false;
  // A path has a slash every few characters; random base64 has one in 64 on average.
  const slashes = run.split('/').length - 1;
  return slashes * 16 <= run.length;
}

/** Masks the secrets in one piece of text; `masked` counts what was replaced. */
export function redactText(text: string): { text: string; masked: number } {
  let masked = 0;
  let result = text;
  for (const rule of RULES) {
    result = result.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const groups = rest.slice(0, -2).map((group) => group as string);
      const replacement = rule.mask(match, ...groups);
      if (replacement === undefined || replacement === match) return match;
      masked += 1;
      return replacement;
    });
  }
  return { text: result, masked };
}

/**
 * A deep copy of the report with secrets masked in everything that quotes the bundle or the
 * cluster: messages, evidence excerpts, event messages, remediation text, commands, the patch
 * (diff, command and operation values), skip reasons, rule errors, diagnostics, and the sections:
 * Fleet bundle messages of the overview, log templates with their sample lines and mentions,
 * timeline texts.
 */
export function redactReport(report: Report): { report: Report; masked: number } {
  const copy = structuredClone(report);
  let masked = 0;
  const clean = (text: string): string => {
    const result = redactText(text);
    masked += result.masked;
    return result.text;
  };

  for (const finding of copy.findings) {
    finding.message = clean(finding.message);
    for (const item of finding.evidence) item.excerpt = clean(item.excerpt);
    for (const group of finding.events ?? []) group.message = clean(group.message);
    const remediation = finding.remediation;
    if (!remediation) continue;
    remediation.summary = clean(remediation.summary);
    remediation.steps = remediation.steps.map(clean);
    remediation.commands = remediation.commands.map(clean);
    if (remediation.patch) {
      remediation.patch.diff = clean(remediation.patch.diff);
      remediation.patch.command = clean(remediation.patch.command);
      remediation.patch.operations = remediation.patch.operations.map((operation) => {
        if (!('value' in operation)) return operation;
        const key = operation.path.split('/').pop() ?? '';
        if (SECRET_KEY_ONLY.test(key) && typeof operation.value === 'string' && !HARMLESS_VALUE.test(operation.value)) {
          masked += 1;
          return { ...operation, value: MASK };
        }
        return { ...operation, value: redactValue(operation.value, clean, () => (masked += 1)) };
      });
    }
  }
  // The sections quote the bundle too: Fleet messages, log lines and templates, event messages.
  for (const bundle of copy.overview?.fleetBundles.notReady ?? []) if (bundle.message !== undefined) bundle.message = clean(bundle.message);
  for (const template of copy.patterns?.templates ?? []) {
    template.template = clean(template.template);
    template.sample.text = clean(template.sample.text);
    template.mentions = template.mentions.map(clean);
  }
  for (const entry of copy.timeline?.entries ?? []) entry.text = clean(entry.text);
  for (const entry of copy.skipped) entry.reason = clean(entry.reason);
  for (const entry of copy.errors) entry.message = clean(entry.message);
  for (const entry of copy.diagnostics) entry.message = clean(entry.message);
  // The headline repeats a finding's message: mask it the same way, but count the secret once.
  if (copy.summary.headlineMessage !== null) copy.summary.headlineMessage = redactText(copy.summary.headlineMessage).text;
  return { report: copy, masked };
}

const SECRET_KEY_ONLY = new RegExp(`^${SECRET_KEY}$`, 'i');

/** A JSON value inside a patch: string leaves are redacted, and a secret-named key loses its value. */
function redactValue(value: unknown, clean: (text: string) => string, countMask: () => void): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, clean, countMask));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (SECRET_KEY_ONLY.test(key) && typeof item === 'string' && !HARMLESS_VALUE.test(item)) {
        countMask();
        return [key, MASK];
      }
      return [key, redactValue(item, clean, countMask)];
    }),
  );
}
