/**
 * The share card's layout and cache (src/build/share-card.ts). The layout is read from the SVG
 * satori writes with its text left as <text> runs: every run of the headline must sit inside the
 * card's margins and above its foot, and the runs, read in order, must be the headline itself up
 * to a whole character, then "…" when it was clamped.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { getShareCard, toCardPng, toCardSvg, type ShareCardInput } from '../../src/build/share-card.ts';
import { site } from '../../src/config/site.ts';

// 110 characters, the longest headline the check accepts without a warning.
const LONG_ZH = '晋中市以产业链思维推动专业镇高质量发展，榆次液压、祁县玻璃器皿、太谷纺机等产业集群加快转型升级，锂电池、氢能等新兴产业链条不断延伸，县域经济活力持续增强，特色专业镇正成为全市制造业高质量发展的重要支撑和新的经济增长极，带';
const LONG_EN =
  'Jinzhong pushes its specialised industrial towns up the value chain: hydraulics in Yuci, glassware in Qixian and textile machinery in Taigu modernise while lithium batteries and hydrogen extend the chains further';

const input = (lang: string, headline: string): ShareCardInput => ({ lang, headline, masthead: 'Gazette 示范新闻', kicker: '经济', host: 'news.example.org' });

/** The headline's text runs, in reading order, with their boxes. */
async function headlineRuns(card: ShareCardInput) {
  const { document } = parseHTML((await toCardSvg(card, { embedFont: false })).svg);
  const size = card.lang.startsWith('zh') ? '64' : '58';
  return [...document.querySelectorAll('text')]
    .filter((text) => text.getAttribute('font-size') === size)
    .map((text) => ({
      text: text.textContent ?? '',
      x: Number(text.getAttribute('x')),
      y: Number(text.getAttribute('y')),
      width: Number(text.getAttribute('width')),
    }));
}

/** Where the host line at the foot starts: nothing of the headline may reach it. */
async function footTop(card: ShareCardInput) {
  const { document } = parseHTML((await toCardSvg(card, { embedFont: false })).svg);
  const host = [...document.querySelectorAll('text')].find((text) => text.textContent === card.host);
  return Number(host?.getAttribute('y')) - Number(host?.getAttribute('font-size'));
}

async function expectInside(card: ShareCardInput) {
  const runs = await headlineRuns(card);
  const { width } = site.shareCard;
  const bottom = await footTop(card);
  for (const run of runs) {
    expect(run.x).toBeGreaterThanOrEqual(64);
    expect(run.x + run.width).toBeLessThanOrEqual(width - 64 + 0.5);
    expect(run.y).toBeLessThan(bottom);
  }
  const lines = new Set(runs.map((run) => run.y));
  expect(lines.size).toBeLessThanOrEqual(site.shareCard.headlineLines);
  return { runs, lines: [...lines] };
}

describe('the share card', () => {
  it('clamps a 110-character Chinese headline to whole lines of whole characters, ending in "…"', async () => {
    const { runs, lines } = await expectInside(input('zh-CN', LONG_ZH));
    expect(lines).toHaveLength(site.shareCard.headlineLines);
    const text = runs.map((run) => run.text).join('');
    expect(text.endsWith('…')).toBe(true);
    const shown = text.slice(0, -1);
    expect(shown.length).toBeGreaterThan(40);
    expect(LONG_ZH.startsWith(shown)).toBe(true);
    // No run holds half a surrogate pair or a broken character.
    for (const run of runs) expect(run.text.isWellFormed()).toBe(true);
  });

  it('wraps a long English headline between words and clamps it inside the card', async () => {
    const { runs, lines } = await expectInside(input('en', LONG_EN));
    expect(lines.length).toBeGreaterThan(2);
    for (const y of lines.slice(0, -1)) {
      const line = runs.filter((run) => run.y === y).map((run) => run.text).join('').trimEnd();
      // Each full line ends at the end of a word of the headline.
      expect(LONG_EN).toMatch(new RegExp(`${line.split(' ').at(-1)!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`));
    }
    const text = runs.map((run) => run.text).join('');
    expect(text.endsWith('…')).toBe(true);
    expect(LONG_EN.startsWith(text.slice(0, -1).replace(/\s+$/, ''))).toBe(true);
  });

  it('breaks a word wider than the card between letters rather than run off it', async () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis';
    const { runs } = await expectInside(input('en', `A ${word}${word} headline`));
    expect(runs.map((run) => run.text).join('').replace(/\s/g, '')).toBe(`A${word}${word}headline`);
  });

  it('names the text its font cannot draw, which shows as a box', async () => {
    const { missing } = await toCardSvg(input('zh-CN', '工厂🏭开工'), { embedFont: false });
    expect(missing).toEqual(['🏭']);
    expect((await toCardSvg(input('zh-CN', '工厂开工'), { embedFont: false })).missing).toEqual([]);
  });

  it('shows a short headline whole, with no "…"', async () => {
    const { runs } = await expectInside(input('zh-CN', '“链”上发力 “镇”兴产业'));
    expect(runs.map((run) => run.text).join('')).toBe('“链”上发力 “镇”兴产业');
  });

  it('is a 1200x630 PNG', async () => {
    const png = await sharp((await toCardPng(input('en', 'A short headline'))).png).metadata();
    expect([png.format, png.width, png.height]).toEqual(['png', 1200, 630]);
  });
});

describe('the share card’s colours', () => {
  it('are the masthead’s, as global.css sets them for the light scheme', () => {
    const css = readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    const root = css.match(/:root\s*{([^}]*)}/)?.[1] ?? '';
    const variable = (name: string) => root.match(new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i'))?.[1];
    const { paper, ink, accent, muted, rule } = site.shareCard;
    expect({ paper, ink, accent, muted, rule }).toEqual({ paper: variable('paper'), ink: variable('ink'), accent: variable('accent'), muted: variable('muted'), rule: variable('rule') });
  });
});

describe('the share card cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gazette-cards-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws a card once, serves it from the cache after, and draws again when the text changes', async () => {
    const card = input('en', 'A cached headline');
    const drawn = (await getShareCard(card, dir)).png;
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^[0-9a-f]{32}\.png$/);
    // Swap the cached bytes: a second call that returns them read the cache instead of drawing.
    writeFileSync(join(dir, file!), 'cached');
    expect((await getShareCard(card, dir)).png.toString()).toBe('cached');
    const edited = (await getShareCard({ ...card, headline: 'A corrected headline' }, dir)).png;
    expect(edited.subarray(1, 4).toString()).toBe('PNG');
    expect(edited.equals(drawn)).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.png'))).toHaveLength(2);
  });

  it('reports missing glyphs on every build, from the cache too', async () => {
    const card = input('en', 'Factory 🏭 opens');
    expect((await getShareCard(card, dir)).missing).toEqual(['🏭']);
    expect((await getShareCard(card, dir)).missing).toEqual(['🏭']);
  });
});
