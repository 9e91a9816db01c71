/**
 * Zod's issues in an editor's words, each on the line of the field at fault. The schemas
 * themselves live in src/content.config.ts and are passed in, so the check stays free of Astro.
 */
import type { ZodType } from 'zod';
import { lineOf, type ParsedYaml } from './frontmatter.ts';
import type { Problem } from './problems.ts';

/** The schemas from src/content.config.ts. */
export interface ContentSchemas {
  story: ZodType;
  photo: ZodType;
  person: ZodType;
  section: ZodType;
  /** A newsroom page's frontmatter (content/pages/). */
  page: ZodType;
}

/** Turns a zod issue into an editor's message. */
function toMessage(issue: { code: string; message: string; keys?: string[]; expected?: string; path?: PropertyKey[] }): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys && issue.keys.length > 1 ? 's' : ''}: ${issue.keys?.join(', ')}`;
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) {
    // A missing field has no line of its own: say what line to add.
    const key = issue.path?.at(-1);
    return `missing: expected ${issue.expected ?? 'a value'}${typeof key === 'string' ? `; add a "${key}:" line (each field is described in src/content.config.ts)` : ''}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

export function checkSchema(
  schema: ZodType,
  yaml: ParsedYaml,
  file: string,
  problems: Problem[],
): Record<string, unknown> | undefined {
  const result = schema.safeParse(yaml.data);
  if (result.success) return result.data as Record<string, unknown>;
  for (const issue of result.error.issues) {
    const path = [...issue.path] as (string | number)[];
    const keys = (issue as { keys?: string[] }).keys;
    const fieldPath = issue.code === 'unrecognized_keys' && keys?.length === 1 ? [...path, keys[0]!] : path;
    problems.push({
      file,
      line: lineOf(yaml, fieldPath),
      field: fieldPath.join('.') || undefined,
      message: toMessage(issue as never),
      severity: 'error',
    });
  }
  return undefined;
}
