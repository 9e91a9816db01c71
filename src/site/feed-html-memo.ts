/**
 * Each feed item's HTML (toFeedHtml: absolute addresses, no <picture> sources) kept from one build
 * to the next in .gazette/cache/, one file per language, keyed by a hash of the story's HTML as its
 * page renders it and its address. A one-story edit rewrites that story's item, not the whole feed.
 * The file is `salt`ed with the rewriting code and the installed packages, so no kept item
 * outlives them, and it holds only the items of the last build's feed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAside } from '../build/files.ts';
import { sha256 } from '../build/hash.ts';
import { toFeedHtml } from '../newsroom/feed-xml.ts';

export interface FeedHtmlMemo {
  /** toFeedHtml(html, pageUrl), from the last build if it made the same. */
  get(html: string, pageUrl: string): string;
  /** Writes the items asked for since the memo was opened, and only those. */
  save(): void;
}

/** `file` undefined: nothing kept, nothing saved. */
export function openFeedHtmlMemo(file: string | undefined, salt: string): FeedHtmlMemo {
  let previous: Record<string, string> = {};
  try {
    const saved = file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { salt?: unknown; items?: unknown }) : undefined;
    if (saved?.salt === salt && saved.items && typeof saved.items === 'object') previous = saved.items as Record<string, string>;
  } catch {
    // Unreadable (a build killed while writing it cannot leave it half-written, but a disk can): made again.
  }
  const used = new Map<string, string>();
  return {
    get(html, pageUrl) {
      const key = sha256(`${pageUrl}\0${html}`, 'base64url');
      const item = used.get(key) ?? (typeof previous[key] === 'string' ? previous[key] : toFeedHtml(html, pageUrl));
      used.set(key, item);
      return item;
    },
    save() {
      if (file) writeFileAside(file, JSON.stringify({ salt, items: Object.fromEntries(used) }));
    },
  };
}
