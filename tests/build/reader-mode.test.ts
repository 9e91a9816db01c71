/**
 * The seed story as reader modes and article extractors take it. Firefox Reader View is
 * Readability (@mozilla/readability, run here on linkedom's DOM); news extractors read the
 * blocks of the element that holds the story's paragraphs. Both must keep the whole story:
 * standfirst, hero caption and credit, lead lines, key figures, every paragraph, and a text
 * in which no two blocks run together.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { repoRoot, SEED_NOW, textOf, useBuiltSite } from '../helpers/project.ts';
import { findRunTogether } from '../helpers/text-blocks.ts';

const STORY = join(repoRoot, 'content/stories/lianshang-fali-zhenxing-chanye');
const PAGES = [
  { lang: 'zh', path: '/2025/12/22/lianshang-fali-zhenxing-chanye/' },
  { lang: 'en', path: '/en/2025/12/22/lianshang-fali-zhenxing-chanye/' },
] as const;

/** The subtitle and the text blocks of a body as the editor wrote them: paragraphs, headings, list items. */
function readSource(lang: string) {
  const [, frontmatter = '', body = ''] = readFileSync(join(STORY, `${lang}.mdx`), 'utf8').split(/^---$/m);
  const subtitle = /^subtitle: "(.*)"$/m.exec(frontmatter)?.[1] ?? '';
  const lines = body.split('\n').map((line) => line.trim());
  // The seed is plain text: one paragraph a line, no inline Markdown. Tags (<LeadLines>, <Photo …/>) are not text.
  const blocks = lines.filter((line) => line !== '' && !line.startsWith('<')).map((line) => line.replace(/^(## |- )/, ''));
  const leadLines = lines.slice(lines.indexOf('<LeadLines>') + 1, lines.indexOf('</LeadLines>')).filter(Boolean);
  const keyFigures = lines.slice(lines.indexOf('<KeyFigures>') + 1, lines.indexOf('</KeyFigures>')).filter(Boolean).map((line) => line.replace(/^- /, ''));
  return { subtitle, blocks, leadLines, keyFigures };
}

const read = (path: string) => readFileSync(join(site(), 'dist', path, 'index.html'), 'utf8');
const parse = (html: string) => parseHTML(html).document as unknown as Document;

const site = useBuiltSite(undefined, { GAZETTE_NOW: SEED_NOW });

describe.each(PAGES)('the $lang story', ({ lang, path }) => {
  const source = readSource(lang);

  it('has a source to compare with: lead lines, key figures and paragraphs', () => {
    expect(source.subtitle).not.toBe('');
    expect(source.leadLines).toHaveLength(3);
    expect(source.keyFigures).toHaveLength(3);
    expect(source.blocks.length).toBeGreaterThan(25);
  });

  it('in Reader View (Readability) keeps the standfirst, every paragraph, caption and credit, none run together', () => {
    const page = parse(read(path));
    const captions = [...page.querySelectorAll('figure .caption-text')].map(textOf);
    const credits = [...page.querySelectorAll('figure .credit')].map(textOf);
    expect(captions).toHaveLength(3);
    expect(credits).toHaveLength(3);

    const article = new Readability(parse(read(path))).parse();
    expect(article).not.toBeNull();
    const content = parse(`<!doctype html><html><body>${article!.content}</body></html>`);
    const blocks = [...content.querySelectorAll('p, li, h2, h3')].map(textOf);
    expect(source.blocks.filter((block) => !blocks.includes(block))).toEqual([]);
    expect(blocks).toContain(source.subtitle);
    const text = textOf(content.body);
    for (const part of [...captions, ...credits]) expect(text).toContain(part);
    // The hero's caption and credit come before the first lead line, as on the page.
    expect(text.indexOf(captions[0]!)).toBeLessThan(text.indexOf(source.leadLines[0]!));
    expect(findRunTogether(content.body)).toEqual([]);
    // Readability's own plain text, the textContent a reader app takes.
    expect(article!.textContent).toMatch(new RegExp(`${source.leadLines[0]!.slice(-3)}\\s+${source.leadLines[1]!.slice(0, 3)}`));
  });

  it('gives extractors each lead line and key figure as its own block in the article body', () => {
    const page = parse(read(path));
    // The article body: the element that holds the story's paragraphs.
    const firstParagraph = [...page.querySelectorAll('article p')].find((p) => textOf(p) === source.blocks[source.leadLines.length]);
    const body = firstParagraph?.parentElement;
    expect(body).toBeTruthy();
    const leadLines = [...body!.children].filter((child) => child.matches('p.lead-line'));
    expect(leadLines.map(textOf)).toEqual(source.leadLines);
    const lists = [...body!.children].filter((child) => child.matches('ul.key-figures'));
    expect(lists).toHaveLength(1);
    expect([...lists[0]!.children].map((li) => [li.tagName, textOf(li)])).toEqual(source.keyFigures.map((figure) => ['LI', figure]));
    // No wrapper left for an extractor to skip.
    expect(page.querySelector('.lead-lines, div.key-figures, .key-figures ul')).toBeNull();
  });

  it('reads as plain text with every block apart, on the page too', () => {
    expect(findRunTogether(parse(read(path)).querySelector('article')!)).toEqual([]);
  });
});

describe('every page as plain text', () => {
  // Text readers take the whole page: masthead, story cards and footer must not run together either.
  it.each(['/', '/en/', '/sections/economy/', '/en/people/cao-wei/', ...PAGES.map((page) => page.path)])('%s keeps its blocks apart', (path) => {
    expect(findRunTogether(parse(read(path)).body)).toEqual([]);
  });
});
