/**
 * The newsroom pages (content/pages/<page-id>/<lang>.mdx) in the content check: the same
 * editor's messages as a story, `path:line: field: message`, read in-process from the basic
 * fixture with one mutation each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/check-content.ts';
import { edit, expectCheckCase, useContentCopies, type CheckCase } from '../helpers/content-tree.ts';

const makeContentProject = useContentCopies('pages');
const ABOUT = 'content/pages/about/zh.mdx';
const CONTACT = 'content/pages/contact/en.mdx';

const cases: CheckCase[] = [
  { name: 'malformed YAML', file: ABOUT, expect: /^content\/pages\/about\/zh\.mdx:\d+: malformed YAML/, mutate: (d) => edit(d, ABOUT, (t) => t.replace('title: 关于测试站点', 'title: [关于测试站点')) },
  { name: 'a missing title', file: ABOUT, expect: /^content\/pages\/about\/zh\.mdx:\d+: title: missing: expected string; add a "title:" line/, mutate: (d) => edit(d, ABOUT, (t) => t.replace('title: 关于测试站点\n', '')) },
  { name: 'an empty summary', file: CONTACT, expect: /^content\/pages\/contact\/en\.mdx:3: summary: expected non-empty text/, mutate: (d) => edit(d, CONTACT, (t) => t.replace('summary: A contact page for tests.', 'summary: " "')) },
  { name: 'an unknown field', file: CONTACT, expect: /^content\/pages\/contact\/en\.mdx:4: published: unknown field: published/, mutate: (d) => edit(d, CONTACT, (t) => t.replace('summary: A contact page for tests.', 'summary: A contact page for tests.\npublished: 2025-12-01T09:00:00+08:00')) },
  { name: 'no frontmatter', file: ABOUT, expect: /^content\/pages\/about\/zh\.mdx:1: expected frontmatter between --- lines/, mutate: (d) => edit(d, ABOUT, (t) => t.replace(/^---[\s\S]*?---\n/, '')) },
  { name: 'a script element in the body', file: ABOUT, expect: /^content\/pages\/about\/zh\.mdx:8: script: <script> is not allowed/, mutate: (d) => edit(d, ABOUT, (t) => `${t}\n<script>alert(1)</script>\n`) },
  { name: 'code in braces in the body', file: CONTACT, expect: /^content\/pages\/contact\/en\.mdx:\d+: code in \{braces\} is not allowed/, mutate: (d) => edit(d, CONTACT, (t) => `${t}\n{process.exit(1)}\n`) },
  { name: 'a javascript: link', file: CONTACT, expect: /^content\/pages\/contact\/en\.mdx:\d+: link: link to "javascript:alert\(1\)" is not allowed/, mutate: (d) => edit(d, CONTACT, (t) => `${t}\n[mail us](javascript:alert(1))\n`) },
  { name: 'a photo', file: ABOUT, expect: /^content\/pages\/about\/zh\.mdx:8: Photo: a newsroom page shows no photos/, mutate: (d) => edit(d, ABOUT, (t) => `${t}\n<Photo id="fixture-hero" />\n`) },
  { name: 'an invisible character', file: ABOUT, expect: /^content\/pages\/about\/zh\.mdx:2: title: contains the invisible character U\+202E/, mutate: (d) => edit(d, ABOUT, (t) => t.replace('关于测试站点', '关于\u202e测试站点')) },
  { name: 'an unknown page folder', file: 'content/pages/masthead', expect: /^content\/pages\/masthead: unexpected "masthead": pages\/ holds one folder per newsroom page, named about, standards, corrections-policy, contact/, mutate: (d) => {
      mkdirSync(join(d, 'content/pages/masthead'));
      writeFileSync(join(d, 'content/pages/masthead/zh.mdx'), '---\ntitle: 报头\nsummary: 报头。\n---\n');
    } },
  { name: 'a file in an unknown language', file: 'content/pages/about/fr.mdx', expect: /^content\/pages\/about\/fr\.mdx: unexpected file: a page folder holds zh\.mdx, zh-hant\.mdx, en\.mdx/, mutate: (d) => writeFileSync(join(d, 'content/pages/about/fr.mdx'), '---\ntitle: À propos\nsummary: Test.\n---\n') },
];

describe('a newsroom page is checked like a story', () => {
  it('the fixture’s pages pass', async () => {
    expect((await checkContent(makeContentProject())).lines).toEqual([]);
  });

  it.each(cases)('$name', (check) => expectCheckCase(makeContentProject, check));
});
