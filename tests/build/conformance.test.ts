/**
 * Every page of the seed site and of the `basic` fixture, in both languages, is valid HTML as a
 * strict validator (html-validate's recommended rules) reads it: a crawler or an archive that
 * validates what it takes in must take the whole site.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { fixtureContent, SEED_NOW, useBuiltSite } from '../helpers/project.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // An SEO length heuristic, not validity: a page title is the headline and the masthead, and the
    // content contract allows headlines up to 110 characters (the check warns past that).
    'long-title': 'off',
  },
});

function htmlFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html')).map((file) => join(root, file));
}

/** Each problem as "page:line:column rule: message"; empty when every page is valid. */
async function validateSite(dir: string): Promise<{ pages: string[]; problems: string[] }> {
  const dist = join(dir, 'dist');
  const pages = htmlFiles(dist);
  const problems: string[] = [];
  for (const file of pages) {
    const report = await validator.validateString(readFileSync(file, 'utf8'), relative(dist, file));
    for (const result of report.results) {
      for (const message of result.messages) problems.push(`${result.filePath}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
  }
  return { pages: pages.map((file) => relative(dist, file)), problems };
}

const sites = { seed: useBuiltSite(undefined, { GAZETTE_NOW: SEED_NOW }), fixture: useBuiltSite(fixtureContent('basic')) };

describe('HTML conformance', () => {
  it.each(['seed', 'fixture'] as const)('every page of the %s site passes html-validate, in both languages', async (name) => {
    const { pages, problems } = await validateSite(sites[name]());
    expect(problems).toEqual([]);
    // Both languages, story pages included: a build that wrote no English page would pass vacuously.
    expect(pages.some((page) => page.startsWith('en/'))).toBe(true);
    expect(pages.some((page) => !page.startsWith('en/'))).toBe(true);
    expect(pages.filter((page) => /^(en\/)?\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(page)).length).toBeGreaterThanOrEqual(2);
  });
});
