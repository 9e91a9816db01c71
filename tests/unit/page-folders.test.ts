/**
 * The last site's page folders made ahead in the staging folder (src/build/page-folders.ts,
 * decision 031), and those the new build left empty removed.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listPageFolders, makeFolders, removeEmptyFolders } from '../../src/build/page-folders.ts';

const root = mkdtempSync(join(tmpdir(), 'gazette-page-folders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(dir: string, files: string[]) {
  for (const file of files) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), 'x');
  }
}

describe('page folders made ahead', () => {
  it('lists the folders of a site that hold a page, not the site’s own folder nor folders of other files', async () => {
    const site = join(root, 'site');
    write(site, ['index.html', '2025/12/22/story/index.html', 'en/2025/12/22/story/index.html', 'en/index.html', '_astro/photo.avif', 'feed.xml', 'pagefind/zh/pagefind-entry.json']);
    expect((await listPageFolders(site)).sort()).toEqual(['2025/12/22/story', 'en', 'en/2025/12/22/story']);
  });

  it('makes them, then removes those the build left empty, with parents left empty, and nothing else', async () => {
    const next = join(root, 'next');
    const folders = ['2025/12/22/story', '2025/12/22/withdrawn', '2024/01/01/moved', 'en/2025/12/22/story', 'en'];
    await makeFolders(next, folders);
    for (const folder of folders) expect(existsSync(join(next, folder)), folder).toBe(true);
    // The build writes its pages (and one folder of its own, not made ahead).
    write(next, ['2025/12/22/story/index.html', 'en/2025/12/22/story/index.html', 'en/index.html', '2025/12/23/new/index.html']);
    // withdrawn; moved, 2024/01/01, 2024/01, 2024.
    expect(removeEmptyFolders(next, folders)).toBe(5);
    expect(readdirSync(next).sort()).toEqual(['2025', 'en']);
    expect(readdirSync(join(next, '2025/12')).sort()).toEqual(['22', '23']);
    expect(readdirSync(join(next, '2025/12/22'))).toEqual(['story']);
  });

  it('leaves a folder it cannot make to the build', async () => {
    const next = join(root, 'blocked');
    write(next, ['file']);
    await expect(makeFolders(next, ['file/inside', 'ok'])).resolves.toBeUndefined();
    expect(existsSync(join(next, 'ok'))).toBe(true);
  });
});
