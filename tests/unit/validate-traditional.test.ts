/**
 * The Traditional edition's editors' files in the content check: the exceptions file
 * (content/zh-hant-exceptions.yaml) and a hand-written zh-hant.mdx, each problem with file and line.
 */
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/check-content.ts';
import { edit, expectCheckCase, STORY, useContentCopies, ZH, type CheckCase } from '../helpers/content-tree.ts';

const makeContentProject = useContentCopies('traditional');
const EXCEPTIONS = 'content/zh-hant-exceptions.yaml';
const HANT = `${STORY}/zh-hant.mdx`;

const withExceptions = (text: string) => (d: string) => writeFileSync(join(d, EXCEPTIONS), text);
const withOverride = (change: (text: string) => string) => (d: string) => {
  cpSync(join(d, ZH), join(d, HANT));
  edit(d, HANT, change);
};

const cases: CheckCase[] = [
  { name: 'an exception that maps to nothing', file: EXCEPTIONS, expect: /^content\/zh-hant-exceptions\.yaml:3: 祁县: "祁县" maps to nothing/, mutate: withExceptions('# terms\n晋中: 晉中\n祁县:\n') },
  { name: 'an exception that maps to empty text', file: EXCEPTIONS, expect: /^content\/zh-hant-exceptions\.yaml:1: 晋中: "晋中" maps to nothing/, mutate: withExceptions('晋中: ""\n') },
  { name: 'an exception that maps to a list', file: EXCEPTIONS, expect: /^content\/zh-hant-exceptions\.yaml:2: 祁县: expected the traditional form of "祁县" as text/, mutate: withExceptions('晋中: 晉中\n祁县: [祁縣]\n') },
  { name: 'a broken exceptions file', file: EXCEPTIONS, expect: /^content\/zh-hant-exceptions\.yaml:3: malformed YAML/, mutate: withExceptions('晋中: 晉中\n祁县: [祁縣\n') },
  { name: 'an exceptions file that is a list', file: EXCEPTIONS, expect: /^content\/zh-hant-exceptions\.yaml:1: expected a YAML mapping/, mutate: withExceptions('- 晋中\n') },
  { name: 'an override with broken frontmatter', file: HANT, expect: /^content\/stories\/bilingual-story\/zh-hant\.mdx:\d+: malformed YAML/, mutate: withOverride((t) => t.replace('title: 双语测试稿件', 'title: [雙語測試稿件')) },
  { name: 'an override without frontmatter', file: HANT, expect: /^content\/stories\/bilingual-story\/zh-hant\.mdx:1: expected frontmatter/, mutate: withOverride((t) => t.replace(/^---[\s\S]*?---\n/, '')) },
  {
    name: 'an override published at another time, which would move its address',
    file: HANT,
    expect: /^content\/stories\/bilingual-story\/zh-hant\.mdx:\d+: published: 2025-12-20T08:00:00\+08:00 differs from zh\.mdx's .*copy it from zh\.mdx$/,
    mutate: withOverride((t) => t.replace(/^published: .*$/m, 'published: 2025-12-20T08:00:00+08:00')),
  },
  {
    name: 'an override with no Simplified source beside it',
    file: HANT,
    expect: /^content\/stories\/bilingual-story\/zh-hant\.mdx:1: a hand-written zh-hant edition needs its source zh\.mdx beside it/,
    mutate: (d) => {
      withOverride((t) => t.replace('title: 双语测试稿件', 'title: 雙語測試稿件'))(d);
      rmSync(join(d, ZH));
    },
  },
  { name: 'an override with an unknown photo', file: HANT, expect: /^content\/stories\/bilingual-story\/zh-hant\.mdx:\d+: Photo: unknown photo id "missing-photo"/, mutate: withOverride((t) => t.replace('<Photo id="fixture-inline" />', '<Photo id="missing-photo" />')) },
];

describe('the Traditional edition’s files are checked with file and line', () => {
  it('a good exceptions file and a hand-written zh-hant.mdx pass, its photos needing only their zh text', async () => {
    const dir = makeContentProject();
    withExceptions('# terms\n双语: 雙語\n')(dir);
    withOverride((t) => t.replace('title: 双语测试稿件', 'title: 雙語測試稿件'))(dir);
    expect((await checkContent(dir)).lines).toEqual([]);
  });

  it.each(cases)('$name', (check) => expectCheckCase(makeContentProject, check));

  it('warns, with the line, of an exception no Simplified text uses and of one still in Simplified', async () => {
    const dir = makeContentProject();
    withExceptions('双语: 双语\n不存在的词: 不存在的詞\n')(dir);
    const report = await checkContent(dir);
    expect(report.ok).toBe(true);
    expect(report.lines).toEqual([
      'content/zh-hant-exceptions.yaml:1: 双语: warning: "双语" is not all Traditional: OpenCC would make it "雙語"',
      'content/zh-hant-exceptions.yaml:2: 不存在的词: warning: "不存在的词" appears in no Simplified text in content/: check its spelling, or remove the line',
    ]);
  });
});
