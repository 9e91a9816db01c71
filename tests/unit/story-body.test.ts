import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { splitBodyHtml, toBodyHtml } from '../../src/site/story-body.ts';

const parse = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;

describe('toBodyHtml', () => {
  it('renders Markdown with GFM tables and Astro-style heading ids', () => {
    const html = toBodyHtml('## 产业链 Chains\n\n| 指标 | 2024 |\n| --- | ---: |\n| 产值 | 12.5 |\n\n- 一\n- 二\n');
    const doc = parse(html);
    expect(doc.querySelector('h2')!.id).toBe('产业链-chains');
    expect(doc.querySelectorAll('table td')).toHaveLength(2);
    expect(doc.querySelector('table td:last-child')!.getAttribute('align') ?? doc.querySelector('table td:last-child')!.getAttribute('style')).toMatch(/right/);
    expect([...doc.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['一', '二']);
    // A phone scrolls a wide table inside a focusable region named by its header row.
    const region = doc.querySelector('table')!.parentElement!;
    // A <section> with a name is a region landmark.
    expect([region.tagName, region.className, region.getAttribute('tabindex'), region.getAttribute('aria-label')]).toEqual(['SECTION', 'table-scroll', '0', '指标、2024']);
  });

  it('makes each lead line and the key figures list a block of the body, with Markdown inside, no wrapper', () => {
    const html = toBodyHtml('<LeadLines>\n\n第一句；\n\n第二句。\n\n</LeadLines>\n\n<KeyFigures>\n\n- **榆次**：液压\n\n</KeyFigures>\n\n正文。\n');
    const doc = parse(html);
    expect([...doc.body.children].map((child) => `${child.tagName}.${child.className}`)).toEqual(['P.lead-line', 'P.lead-line', 'UL.key-figures', 'P.']);
    expect([...doc.querySelectorAll('body > p.lead-line')].map((p) => p.textContent)).toEqual(['第一句；', '第二句。']);
    expect(doc.querySelector('body > ul.key-figures > li strong')!.textContent).toBe('榆次');
    // A newline between blocks: text readers take textContent, which would run the lines together.
    expect(doc.body.textContent).toContain('第一句；\n第二句。\n');
  });

  it('makes a lead line written on one line a lead line too', () => {
    expect(toBodyHtml('<LeadLines>一行导语</LeadLines>\n')).toBe('<p class="lead-line">一行导语</p>');
  });

  it('keeps the allowed inline HTML and only its title and lang attributes', () => {
    const doc = parse(toBodyHtml('CO<sub>2</sub> and <abbr title="Gross domestic product">GDP</abbr> <span lang="en" style="color:red">Jingwei</span>\n'));
    expect(doc.querySelector('sub')!.textContent).toBe('2');
    expect(doc.querySelector('abbr')!.getAttribute('title')).toBe('Gross domestic product');
    expect(doc.querySelector('span')!.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('span')!.hasAttribute('style')).toBe(false);
  });

  it('escapes markup written as text, so nothing in a body is executed', () => {
    const html = toBodyHtml('A literal \\<script>alert(1)\\</script> and a forged \\<gazette-photo data-id="x">\\</gazette-photo>.\n');
    const doc = parse(html);
    expect(doc.querySelector('script')).toBeNull();
    expect(doc.querySelector('gazette-photo')).toBeNull();
    expect(doc.querySelector('p')!.textContent).toContain('<script>alert(1)</script>');
    expect(splitBodyHtml(html)).toEqual([{ html }]);
  });

  it.each([
    ['an import', 'import X from "./x.js"\n\nText.\n'],
    ['an expression', 'Total: {1 + 1}\n'],
    ['an element outside the newsroom set', '<iframe src="https://example.org/" />\n'],
    ['a Photo without an id', '<Photo />\n'],
    ['a javascript: link', '[x](javascript:alert(1))\n'],
    ['a Markdown image', '![x](https://example.org/t.png)\n'],
  ])('refuses %s', (_name, body) => {
    expect(() => toBodyHtml(body)).toThrow(/story body/);
  });
});

describe('splitBodyHtml', () => {
  it('gives the HTML runs and the photo ids in source order', () => {
    const segments = splitBodyHtml(toBodyHtml('First.\n\n<Photo id="antai-steel" />\n\nSecond.\n\n<Photo id="qixian-glass" />\n'));
    expect(segments.map((segment) => ('photo' in segment ? segment.photo : parse(segment.html).body.textContent!.trim()))).toEqual([
      'First.',
      'antai-steel',
      'Second.',
      'qixian-glass',
    ]);
  });
});
