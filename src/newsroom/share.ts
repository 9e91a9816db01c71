/**
 * Sharing a story without scripts: a QR code drawn at build time and plain share links. Nothing
 * here runs in the reader's browser, and no network is asked anything until the reader follows
 * one of the links.
 */
import { encode } from 'uqr';
import type { Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';

export interface QrCode {
  /** Width and height in modules, quiet zone included. */
  size: number;
  /** One stroke per run of dark modules, drawn with stroke-width 1. */
  path: string;
}

/**
 * The QR code of `text`, quiet zone of four modules included (the standard's: the code sits on
 * whatever the page's colour scheme is). uqr's own renderSVG draws one square per module, about
 * 30 bytes each; one horizontal stroke per run of modules in relative moves is a fifth of that,
 * and the story page has a byte budget (14 KB gzipped, tests/build/seed-story.test.ts).
 */
export function toQrCode(text: string): QrCode {
  const { size, data } = encode(text, { ecc: 'M', border: 4 });
  const parts: string[] = [];
  // The pen starts at the origin; each run is a move from where the last one ended.
  let penX = 0;
  let penY = 0;
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let end = x;
      while (row[end]) end++;
      const lineY = y + 0.5;
      parts.push(`${parts.length ? 'm' : 'M'}${x - penX} ${lineY - penY}h${end - x}`);
      penX = end;
      penY = lineY;
      x = end;
    }
  });
  return { size, path: parts.join('') };
}

export interface ShareLink {
  /** The network's own name, or null for email, whose name is a UI string. */
  name: string | null;
  href: string;
}

const enc = encodeURIComponent;

/** The networks site.shareNetworks may name; each builds its share address from the story's URL and headline. */
const NETWORKS = {
  weibo: { name: '微博', href: (url: string, title: string) => `https://service.weibo.com/share/share.php?url=${enc(url)}&title=${enc(title)}` },
  x: { name: 'X', href: (url: string, title: string) => `https://x.com/intent/post?url=${enc(url)}&text=${enc(title)}` },
  linkedin: { name: 'LinkedIn', href: (url: string) => `https://www.linkedin.com/sharing/share-offsite/?url=${enc(url)}` },
} as const;

/** Email first (every reader has it), then the language's networks. */
export function getShareLinks(url: string, title: string, locale: Locale): ShareLink[] {
  return [
    { name: null, href: `mailto:?subject=${enc(title)}&body=${enc(url)}` },
    ...site.shareNetworks[locale].map((id) => ({ name: NETWORKS[id].name, href: NETWORKS[id].href(url, title) })),
  ];
}
