/**
 * A supportconfig text file is a run of sections (supportutils `supportconfig.rc`: `_log_cmd`,
 * `conf_files`, `log_files`, `log_entry`): a banner `#==[ Command ]=====…#`, a header line
 * `# <absolute command path> <args>` (or `# <file path>`), the output verbatim, a blank line.
 * Sections are found by banner and keyed by their header; every line keeps its 1-based number.
 */
export interface SupportconfigSection {
  /** The banner's word(s): `Command`, `Configuration File`, `Log File`, `Note`, `Summary`, `Quick Status Check`, … */
  kind: string;
  /** The header after `# ` (`/bin/df -hT`, `/proc/meminfo`), or `''` for banners without one. */
  header: string;
  /** 1-based line of the banner. */
  line: number;
  /** The content lines after the header, each with its 1-based line number (trailing blank lines dropped). */
  body: { line: number; text: string }[];
}

const BANNER = /^#==\[ (.+?) \]=*#\s*$/;

export function parseSections(text: string): SupportconfigSection[] {
  const sections: SupportconfigSection[] = [];
  const lines = text.split('\n');
  let current: SupportconfigSection | undefined;
  lines.forEach((raw, index) => {
    const textLine = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const banner = BANNER.exec(textLine);
    if (banner) {
      if (current) sections.push(trimmed(current));
      current = { kind: banner[1]!, header: '', line: index + 1, body: [] };
      const next = lines[index + 1];
      if (next !== undefined && next.startsWith('# ')) current.header = next.slice(2).trim();
      return;
    }
    if (!current) return;
    if (current.header !== '' && index === current.line && textLine.startsWith('# ')) return; // the header line
    current.body.push({ line: index + 1, text: textLine });
  });
  if (current) sections.push(trimmed(current));
  return sections;
}

function trimmed(section: SupportconfigSection): SupportconfigSection {
  while (section.body.length > 0 && section.body[section.body.length - 1]!.text.trim() === '') section.body.pop();
  return section;
}

/** The command sections whose program (the header's first word, any path) is `program`. */
export function commandSections(sections: readonly SupportconfigSection[], program: string): SupportconfigSection[] {
  return sections.filter((section) => section.kind === 'Command' && commandProgram(section.header) === program);
}

export function commandProgram(header: string): string {
  const first = header.split(/\s+/, 1)[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}
