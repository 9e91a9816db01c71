/** Rules on the text of every field, whatever the schema: here, characters no editor can see. */
import { lineOf, type ParsedYaml } from './frontmatter.ts';
import type { Problem } from './problems.ts';

/**
 * Invisible format characters (Unicode category Cf): bidirectional embeddings, overrides and
 * isolates, zero-width spaces, U+FEFF. They make a headline or a name read differently from how
 * it looks, and no editor can see them. Allowed, because text needs them and they reorder
 * nothing: the joiners U+200C/U+200D and emoji tag characters (emoji sequences, Persian), the
 * direction marks U+200E/U+200F/U+061C (an Arabic or Hebrew name inside Chinese or English),
 * and the soft hyphen U+00AD (a hyphenation hint).
 */
const INVISIBLE = /(?![\u00AD\u061C\u200C-\u200F\u{E0020}-\u{E007F}])\p{Cf}/u;
const INVISIBLE_NAMES: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

/** The first invisible format character in a text, as e.g. "U+202E (RIGHT-TO-LEFT OVERRIDE)". */
export function findInvisibleCharacter(text: string): string | undefined {
  const found = INVISIBLE.exec(text)?.[0];
  if (found === undefined) return undefined;
  const code = found.codePointAt(0)!;
  const name = INVISIBLE_NAMES[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/** What the check says of a text holding `character` (as findInvisibleCharacter names it). */
export function invisibleMessage(character: string): string {
  return `contains the invisible character ${character}: delete it (invisible format characters can make text read differently from how it looks)`;
}

/** Every text field of a YAML file (all its strings, however deep), checked for invisible characters. */
export function checkInvisible(yaml: ParsedYaml, file: string, problems: Problem[]): void {
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const character = findInvisibleCharacter(value);
      if (character) {
        problems.push({
          file,
          line: lineOf(yaml, path),
          field: path.join('.') || undefined,
          message: invisibleMessage(character),
          severity: 'error',
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    }
  };
  visit(yaml.data, []);
}
