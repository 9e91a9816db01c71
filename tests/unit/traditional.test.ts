import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { convertFrontmatter, deriveText, getExceptionProblem, makeConverter, withExceptions } from '../../src/newsroom/traditional.ts';
import { splitBodyHtml, toBodyHtml, toConvertedBodyHtml } from '../../src/site/story-body.ts';

const parse = (html: string) => parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
/** A stand-in converter whose every change is visible: each character gets a mark. */
const mark = (text: string) => text.replace(/[\u3400-\u9fff]/g, (char) => `${char}'`);

describe('the Traditional converter', () => {
  it('converts the seed story’s terms with OpenCC in the site’s variant', () => {
    const convert = makeConverter();
    expect(convert('产业链 晋中 祁县 经纬 纺机 锂电池 玻璃器皿')).toBe('產業鏈 晉中 祁縣 經緯 紡機 鋰電池 玻璃器皿');
    // The variant without phrase substitution: a company's name and a recycling term stay themselves.
    expect(convert('经纬智能 循环利用 优化升级')).toBe('經緯智能 循環利用 優化升級');
  });

  it('lets an exceptions entry win over OpenCC, longest term first, and converts the text around it', () => {
    const convert = withExceptions(makeConverter(), { 吃干榨尽: '吃乾榨盡', 晋中: '晋中（保留）', 晋中市: '晉中市' });
    expect(makeConverter()('吃干榨尽')).toBe('吃幹榨盡');
    expect(convert('余热被“吃干榨尽”，晋中市与晋中')).toBe('餘熱被“吃乾榨盡”，晉中市與晋中（保留）');
  });

  it('refuses an exceptions entry that maps to nothing', () => {
    expect(getExceptionProblem('晋中', '晉中')).toBeUndefined();
    expect(getExceptionProblem('晋中', '')).toMatch(/maps to nothing/);
    expect(getExceptionProblem('晋中', null)).toMatch(/maps to nothing/);
    expect(getExceptionProblem('晋中', ['晉中'])).toMatch(/expected the traditional form/);
  });
});

describe('what a conversion touches', () => {
  it('converts a story’s text fields and corrections, never its ids, dates or people, and moves old paths under the prefix', () => {
    const data = {
      title: '产业链',
      subtitle: '副题',
      summary: '摘要',
      published: '2025-12-22T08:00:00+08:00',
      authors: ['yan-shujuan'],
      section: 'economy',
      hero: 'qixian-glassware',
      tags: ['制造业'],
      corrections: [{ date: '2025-12-23T10:00:00+08:00', text: '更正' }],
      aliases: ['/2025/12/21/old-id/'],
    };
    expect(convertFrontmatter(data, mark, 'zh-hant')).toEqual({
      ...data,
      title: "产'业'链'",
      subtitle: "副'题'",
      summary: "摘'要'",
      tags: ["制'造'业'"],
      corrections: [{ date: '2025-12-23T10:00:00+08:00', text: "更'正'" }],
      aliases: ['/zh-hant/2025/12/21/old-id/'],
    });
  });

  it('converts a body’s text and text attributes, never its ids, links, code or photo markers', () => {
    const body =
      '## 产业链\n\n见[晋中](/2025/12/20/jinzhong-story/ "晋中报道")与 <abbr title="国内生产总值">GDP</abbr>，代码 `产业链`。\n\n<Photo id="qixian-glassware" />\n\n| 指标 | 产值 |\n| --- | --- |\n| 一 | 二 |\n\n```\n产业链\n```\n';
    const [html, converted] = [toBodyHtml(body), toConvertedBodyHtml(body, mark)];
    const [source, doc] = [parse(html), parse(converted)];
    expect(doc.querySelector('h2')!.id).toBe(source.querySelector('h2')!.id);
    expect(doc.querySelector('h2')!.textContent).toBe("产'业'链'");
    expect(doc.querySelector('a')!.getAttribute('href')).toBe('/2025/12/20/jinzhong-story/');
    expect([doc.querySelector('a')!.textContent, doc.querySelector('a')!.getAttribute('title')]).toEqual(["晋'中'", "晋'中'报'道'"]);
    expect(doc.querySelector('abbr')!.getAttribute('title')).toBe("国'内'生'产'总'值'");
    expect(doc.querySelector('section')!.getAttribute('aria-label')).toBe("指'标'、产'值'");
    expect([...doc.querySelectorAll('code')].map((code) => code.textContent)).toEqual(['产业链', '产业链\n']);
    expect(splitBodyHtml(converted).filter((segment) => 'photo' in segment)).toEqual([{ photo: 'qixian-glassware' }]);
  });

  it('converts the tree the Simplified body was made from only for that body, and only once', () => {
    const [a, b] = ['## 产业链\n\n晋中与祁县。\n', '## 玻璃\n\n器皿。\n'];
    // Made without a Simplified body first: each parses its own source.
    const fresh = [toConvertedBodyHtml(a, mark), toConvertedBodyHtml(b, mark)];
    expect(parse(fresh[0]!).querySelector('h2')!.textContent).toBe("产'业'链'");
    const simplified = toBodyHtml(a);
    expect(toConvertedBodyHtml(b, mark)).toBe(fresh[1]);
    toBodyHtml(a);
    expect(toConvertedBodyHtml(a, mark)).toBe(fresh[0]);
    // The kept tree was converted in place: a second conversion must not convert it again.
    expect(toConvertedBodyHtml(a, mark)).toBe(fresh[0]);
    expect(toBodyHtml(a)).toBe(simplified);
  });

  it('fills a generated language from its source, keeping one an editor wrote', () => {
    expect(deriveText({ zh: '玻璃器皿', en: 'Glassware' }, mark)).toEqual({ zh: '玻璃器皿', 'zh-hant': "玻'璃'器'皿'", en: 'Glassware' });
    expect(deriveText({ zh: '晋中', 'zh-hant': '晉中' }, mark)).toEqual({ zh: '晋中', 'zh-hant': '晉中' });
    expect(deriveText({ en: 'Xinhua' }, mark)).toEqual({ en: 'Xinhua' });
  });
});
