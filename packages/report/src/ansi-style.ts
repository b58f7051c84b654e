/** ANSI SGR codes for the text format; no dependency, and nothing is emitted unless colour was asked for. */
const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;

export type StyleName = keyof typeof CODES;
export type Stylist = (text: string, ...styles: StyleName[]) => string;

export function stylist(color: boolean): Stylist {
  if (!color) return (text) => text;
  return (text, ...styles) => styles.reduce((styled, name) => `\u001b[${CODES[name][0]}m${styled}\u001b[${CODES[name][1]}m`, text);
}
