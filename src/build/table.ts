/**
 * The one aligned text table, for the scripts' reports: plain (columns two spaces apart, no
 * trailing spaces) or Markdown (pipes and an alignment row, for pasting into docs/).
 */
export type Align = 'left' | 'right';

export interface TableOptions {
  /** Per column; a column without an entry is left-aligned. Numbers read best right-aligned. */
  align?: readonly Align[];
  markdown?: boolean;
}

/** `rows[0]` is the header. */
export function formatTable(rows: readonly (readonly string[])[], { align = [], markdown = false }: TableOptions = {}): string {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((row) => (row[c] ?? '').length)));
  const cells = (row: readonly string[]) =>
    widths.map((width, c) => (align[c] === 'right' ? (row[c] ?? '').padStart(width) : (row[c] ?? '').padEnd(width)));
  if (!markdown) return rows.map((row) => cells(row).join('  ').trimEnd()).join('\n');
  const rule = widths.map((width, c) => (align[c] === 'right' ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2)));
  const [header = [], ...body] = rows;
  return [`| ${cells(header).join(' | ')} |`, `|${rule.join('|')}|`, ...body.map((row) => `| ${cells(row).join(' | ')} |`)].join('\n');
}
