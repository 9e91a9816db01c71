/**
 * The share card of a story with no hero photo: its headline on the masthead's colours, drawn at
 * build time by satori (layout to SVG) and resvg (SVG to PNG). The CJK font comes from an npm
 * package and is cut down to the card's own characters first: parsing the whole 8 MB font for every
 * card would cost more than drawing it. Readers download no font; they get a PNG.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { site } from '../config/site.ts';
import { getLockHash, sha256 } from './hash.ts';
import { CJK_FONT_FILES, cjkFontDir } from './cjk-fonts.ts';
import { writeFileAside } from './files.ts';

/** What a card shows; every field is text in the story's language. */
export interface ShareCardInput {
  /** BCP-47 tag of the story's language: Chinese is set larger, as it packs more per character. */
  lang: string;
  headline: string;
  /** The publication's name, as the masthead shows it. */
  masthead: string;
  /** The story's section, above the headline like the page's kicker. */
  kicker: string | undefined;
  /** The site's host name, at the foot, so a card seen alone says where it comes from. */
  host: string;
}

// satori, subset-font and resvg are loaded when a card is first drawn, not with this module: every
// build imports it (story pages name their card), and a build whose cards all come from the cache,
// or that has none, need not pay for loading them.
const loadSatori = () => import('satori').then((module) => module.default);
const loadSubsetFont = () => import('subset-font').then((module) => module.default);
const loadResvg = () => import('@resvg/resvg-js').then((module) => module.Resvg);

const FAMILY = 'Noto Sans CJK SC';
const PAD = 64;
/** Chinese sets tighter per character; a line of 16 characters reads at a glance. */
const headlineSize = (lang: string) => (lang.startsWith('zh') ? 64 : 58);
const HEADLINE_LEADING = 1.25;

type Node = { type: string; props: { style: Record<string, string | number>; children?: Node[] | string } };
const box = (style: Node['props']['style'], children: Node[] | string): Node => ({ type: 'div', props: { style, children } });

/** The card as satori's element tree: masthead over a double rule, kicker, headline, host. */
export function toCardTree(input: ShareCardInput): Node {
  const { width, height, paper, ink, accent, muted, rule, headlineLines } = site.shareCard;
  const size = headlineSize(input.lang);
  return box({ width, height, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', padding: PAD, backgroundColor: paper, fontFamily: FAMILY }, [
    box({ display: 'flex', fontSize: 36, fontWeight: 700, color: ink, paddingBottom: 16, borderBottom: `6px double ${rule}` }, input.masthead),
    box({ display: 'flex', height: 40, marginTop: 28, fontSize: 28, fontWeight: 700, color: accent }, input.kicker ?? ''),
    box(
      // Wrapped by satori's line breaker (UAX #14: never inside a word, never before a closing mark;
      // a word wider than the card breaks between letters rather than run off it), then clamped with
      // "…" after the last line that fits. The height is the clamp's, so nothing can run into the
      // foot whatever the line breaker does.
      { display: 'block', marginTop: 12, height: Math.ceil(size * HEADLINE_LEADING * headlineLines), overflow: 'hidden', fontSize: size, fontWeight: 700, lineHeight: HEADLINE_LEADING, color: ink, lineClamp: headlineLines, wordBreak: 'break-word' },
      input.headline,
    ),
    box({ display: 'flex', marginTop: 'auto', fontSize: 26, color: muted }, input.host),
  ]);
}

/** Every character the card draws, so the font can be cut down to them (and "…" for the clamp). */
export function getCardText(input: ShareCardInput): string {
  return [...new Set([...`${input.masthead}${input.kicker ?? ''}${input.headline}${input.host}…`])].join('');
}

const fontFiles = new Map<number, Buffer>();

/** The font's two weights, cut down to the glyphs of `text`; each whole font is read once per build. */
async function loadFonts(text: string) {
  const subsetFont = await loadSubsetFont();
  return Promise.all(
    ([400, 700] as const).map(async (weight) => {
      let font = fontFiles.get(weight);
      if (!font) fontFiles.set(weight, (font = readFileSync(join(cjkFontDir(), CJK_FONT_FILES[weight]))));
      return { name: FAMILY, weight, style: 'normal' as const, data: await subsetFont(font, text, { targetFormat: 'sfnt' }) };
    }),
  );
}

/**
 * The card as SVG, and the text the font has no glyph for (an emoji, a rare character outside the
 * font, another script): satori draws those as boxes, which the build reports rather than hides.
 * `embedFont: false` leaves each run of text as a <text> element, which tests read.
 */
export async function toCardSvg(input: ShareCardInput, options: { embedFont?: boolean } = {}): Promise<{ svg: string; missing: string[] }> {
  const { width, height } = site.shareCard;
  const fonts = await loadFonts(getCardText(input));
  const missing: string[] = [];
  const satori = await loadSatori();
  const svg = await satori(toCardTree(input) as Parameters<typeof satori>[0], {
    width,
    height,
    fonts,
    embedFont: options.embedFont ?? true,
    loadAdditionalAsset: async (_language, segment) => {
      missing.push(segment);
      return [];
    },
  });
  return { svg, missing: [...new Set(missing)] };
}

export async function toCardPng(input: ShareCardInput): Promise<{ png: Buffer; missing: string[] }> {
  const { svg, missing } = await toCardSvg(input);
  const Resvg = await loadResvg();
  return { png: new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng(), missing };
}

/**
 * The card's PNG, drawn once and then read from `cacheDir` while its text, the card settings, this
 * module and the installed packages (the lock file) are unchanged, as encoded photos are.
 */
const makers = new Map<string, string>();

/** What draws the cards besides their text: this module's source and the installed packages, read once per build. */
function getMakerKey(projectRoot: string): string {
  let key = makers.get(projectRoot);
  if (key === undefined) makers.set(projectRoot, (key = `${readFileSync(join(projectRoot, 'src/build/share-card.ts'), 'utf8')}\0${getLockHash(projectRoot)}`));
  return key;
}

export async function getShareCard(input: ShareCardInput, cacheDir: string, projectRoot: string = process.cwd()): Promise<{ png: Buffer; missing: string[] }> {
  const key = sha256(JSON.stringify([input, site.shareCard, getMakerKey(projectRoot)]), 'hex').slice(0, 32);
  const file = join(cacheDir, `${key}.png`);
  // The missing glyphs are kept beside the card, so every build reports them, not only the first.
  const missingFile = join(cacheDir, `${key}.missing.json`);
  if (existsSync(file)) return { png: readFileSync(file), missing: existsSync(missingFile) ? (JSON.parse(readFileSync(missingFile, 'utf8')) as string[]) : [] };
  const card = await toCardPng(input);
  mkdirSync(cacheDir, { recursive: true });
  if (card.missing.length > 0) writeFileSync(missingFile, JSON.stringify(card.missing));
  // Written aside and renamed: a build killed mid-write leaves no half card to be served next time.
  writeFileAside(file, card.png);
  return card;
}

/** A short hash of what a card shows, for its address: a corrected headline gets a new one. */
export function getCardVersion(input: ShareCardInput): string {
  return sha256(JSON.stringify([input, site.shareCard]), 'hex').slice(0, 8);
}
