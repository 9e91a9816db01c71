/**
 * Stable pagination for archives. Crawlers and archives (the Internet Archive, Common
 * Crawl) keep URLs; if page 2 meant "stories 21-40 counting from the newest" its content
 * would change with every story published. So numbered pages count from the OLDEST:
 * once page 1 is full it never changes. The archive's own URL shows the newest stories
 * and links every numbered page.
 */
export interface Pagination<T> {
  /** Newest `size` items, for the archive's own URL. */
  latest: T[];
  /** Numbered pages, page 1 = oldest; empty when everything fits on the archive's own URL. */
  pages: { number: number; items: T[] }[];
}

export function paginateStable<T>(newestFirst: T[], size: number): Pagination<T> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  if (newestFirst.length <= size) return { latest: newestFirst, pages: [] };
  const oldestFirst = [...newestFirst].reverse();
  const pages: { number: number; items: T[] }[] = [];
  for (let start = 0, number = 1; start < oldestFirst.length; start += size, number++) {
    pages.push({ number, items: oldestFirst.slice(start, start + size).reverse() });
  }
  return { latest: newestFirst.slice(0, size), pages };
}
