/**
 * The content store read at build time from its files (src/site/content-store-plugin.ts): the
 * module it gives Vite for a chunk of the store evaluates to that chunk's text, and it answers
 * for Astro's chunk ids only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contentStoreAtRuntime } from '../../src/site/content-store-plugin.ts';

const dir = mkdtempSync(join(tmpdir(), 'gazette-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plugin = contentStoreAtRuntime(pathToFileURL(`${dir}/`));
const load = plugin.load as { order: string; filter: { id: RegExp }; handler: (id: string) => { code: string } | null };

describe('content store read at build time', () => {
  it("gives a chunk a module whose default export is the chunk file's text, read when the module runs", async () => {
    // Quotes, a backslash, a line separator and Chinese: text a string literal would have to escape.
    const text = '[{"title":"链上法力：\\"振兴\\"产业"},"a\\\\b\u2028c"]';
    writeFileSync(join(dir, '0123456789abcdef.txt'), text);
    const result = load.handler('\0astro:data-layer-content-chunk:0123456789abcdef.txt.mjs');
    expect(result!.code).not.toContain('振兴');
    const module = (await import(`data:text/javascript,${encodeURIComponent(result!.code)}`)) as { default: string };
    expect(module.default).toBe(text);
  });

  it("runs before Astro's own loader, in builds only, for the pages prerendered on this machine only", () => {
    expect(load.order).toBe('pre');
    expect(plugin.apply).toBe('build');
    const applies = plugin.applyToEnvironment as (environment: { name: string }) => boolean;
    expect(['prerender', 'ssr', 'client'].filter((name) => applies({ name }))).toEqual(['prerender']);
  });

  it('answers for nothing but chunk ids, and fails the build on a missing chunk, naming it', () => {
    for (const id of ['\0astro:data-layer-content', '\0astro:data-layer-content-chunk:../secret.txt.mjs', '/src/pages/index.astro']) {
      expect(load.filter.id.test(id), id).toBe(false);
      expect(load.handler(id), id).toBeNull();
    }
    expect(() => load.handler('\0astro:data-layer-content-chunk:fedcba9876543210.txt.mjs')).toThrow(/^content store: .*fedcba9876543210\.txt is missing .*Build again/);
  });
});
