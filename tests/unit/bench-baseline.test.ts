/**
 * The like-for-like baseline encodes what Gazette encodes for a story photo: Figure.astro's
 * widths and Gazette's own encoder settings, so that images cost both sides of the ratio alike.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURE_WIDTHS, writeBaselineProject } from '../../scripts/bench/baseline.ts';
import { repoRoot } from '../helpers/project.ts';

const dir = mkdtempSync(join(tmpdir(), 'gazette-bench-baseline-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeStories(): string {
  const stories = join(dir, 'stories');
  mkdirSync(join(stories, 's1/photos'), { recursive: true });
  writeFileSync(join(stories, 's1/zh.mdx'), '---\ntitle: 标题\nhero: p1\n---\n正文\n');
  writeFileSync(join(stories, 's1/photos/p1.yaml'), 'image: ./p1.jpg\n');
  writeFileSync(join(stories, 's1/photos/p1.jpg'), 'not read here');
  return stories;
}

describe('the like-for-like baseline', () => {
  it('uses the widths of Gazette’s Figure component', () => {
    const figure = readFileSync(join(repoRoot, 'src/components/Figure.astro'), 'utf8');
    const widths = /const widths = \[([\d,\s]+)\]/.exec(figure)![1]!.split(',').map(Number);
    expect([...FIGURE_WIDTHS]).toEqual(widths);
  });

  it('encodes with the image service it is given and brings the photos; the text baselines get neither', () => {
    const stories = writeStories();
    const service = { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 1, quality: 45 } } };
    writeBaselineProject(join(dir, 'like'), 'like', stories, join(dir, 'no-node-modules'), service);
    writeBaselineProject(join(dir, 'unified'), 'unified', stories, join(dir, 'no-node-modules'), service);
    expect(readFileSync(join(dir, 'like/astro.config.mjs'), 'utf8')).toContain(`image: { service: ${JSON.stringify(service)} }`);
    expect(existsSync(join(dir, 'like/content/stories/s1/photos/p1.jpg'))).toBe(true);
    expect(readFileSync(join(dir, 'like/src/components/Photo.astro'), 'utf8')).toContain("formats={['avif', 'webp']}");
    expect(readFileSync(join(dir, 'unified/astro.config.mjs'), 'utf8')).not.toContain('image:');
    expect(existsSync(join(dir, 'unified/content/stories/s1/photos'))).toBe(false);
  });
});
