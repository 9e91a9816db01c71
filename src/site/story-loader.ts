/**
 * The stories collection's loader: content/stories/<story-id>/<lang>.mdx, frontmatter as
 * data and the body rendered to HTML once (src/site/story-body.ts), kept in Astro's content
 * store. A file whose text, the rendering code and the installed packages are all unchanged
 * since the last build is not parsed again, so a one-story edit re-renders one body.
 *
 * Not Astro's glob(): for .mdx it hands every body to @astrojs/mdx, which compiles each into
 * a JavaScript module on every build (docs/decisions/007-story-bodies-as-html.md).
 */
import type { Loader } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { renderBodies, type BodyJob, type BodyResult } from './body-threads.ts';
import { getTraditionalConverter, type TraditionalConverter } from './traditional-edition.ts';
import { listDirs } from '../build/files.ts';
import { getLockHash, getSourceHash } from '../build/hash.ts';
import { locales as localeConfig, type Locale } from '../config/locales.ts';
import { site } from '../config/site.ts';
import { bodyKey, writeCheckedBodies, type CheckedBody } from '../check/body-cache.ts';
import { splitFrontmatter } from '../check/frontmatter.ts';
import { findNonUtf8Line, NOT_UTF8_MESSAGE } from '../check/source-text.ts';
import { convertFrontmatter } from '../newsroom/traditional.ts';

const BODY_CODE = getSourceHash(
  new URL('./story-body.ts', import.meta.url).href,
  new URL('./body-threads.ts', import.meta.url).href,
  new URL('../newsroom/body-syntax.ts', import.meta.url).href,
  // Its parser makes the tree a build's bodies are made HTML from (decision 030).
  new URL('../check/body-check.ts', import.meta.url).href,
  new URL('../newsroom/traditional.ts', import.meta.url).href,
  // What those import in turn (the site's variant, the languages, the order of exceptions).
  new URL('../newsroom/order.ts', import.meta.url).href,
  new URL('../config/site.ts', import.meta.url).href,
  new URL('../config/locales.ts', import.meta.url).href,
);

/**
 * Also loads the newsroom pages (content/pages/<page-id>/<lang>.mdx), laid out and written alike.
 * A generated language (zh-hant) without its own file is converted from its source language's
 * file once, when that file, the exceptions file or the code changed (docs/decisions/012-traditional-edition.md).
 */
export function storyLoader({ base, locales, name = 'gazette-stories' }: { base: string; locales: readonly Locale[]; name?: string }): Loader {
  return {
    name,
    load: async ({ store, parseData, generateDigest, watcher, config, logger }) => {
      const projectRoot = fileURLToPath(config.root);
      const root = resolve(projectRoot, base);
      const contentDir = dirname(root);
      // Installed parser versions: in every digest, and the salt of the verdicts handed to the check.
      const lockHash = getLockHash(projectRoot);
      const salt = `${BODY_CODE}:${lockHash}`;
      const fileOf = (storyId: string, locale: string) => join(root, storyId, `${locale}.mdx`);

      /** What loading `<storyId>/<locale>` from the file of `from` takes: the language's own, or its source's converted. */
      function plan(converter: TraditionalConverter, storyId: string, locale: Locale, from: Locale = locale) {
        const id = `${storyId}/${locale}`;
        const file = fileOf(storyId, from);
        const bytes = readFileSync(file);
        // Read as UTF-8, a GBK/GB18030 file would be published as U+FFFD mojibake.
        const badLine = findNonUtf8Line(bytes);
        if (badLine !== undefined) throw new Error(`${file}:${badLine}: ${NOT_UTF8_MESSAGE}`);
        const source = bytes.toString('utf8');
        const converted = from !== locale;
        const key = converted ? `${converter.key}\0${locale}\0` : '';
        return { id, locale, file, source, converted, digest: generateDigest(`${salt}\0${key}${source}`) };
      }
      type Plan = ReturnType<typeof plan>;

      /** Loads the planned entries whose file, exceptions or code changed: bodies on every core (body-threads.ts), then in order into the store. */
      async function loadChanged(converter: TraditionalConverter, plans: Plan[]) {
        const convert = () => converter.convert;
        // One job per file: a Simplified file and its Traditional edition are next to each other.
        const files: { parts: { yaml: string; body: string; bodyLine: number }; plans: number[] }[] = [];
        for (const [index, entry] of plans.entries()) {
          if (index > 0 && plans[index - 1]!.file === entry.file) {
            files.at(-1)!.plans.push(index);
            continue;
          }
          // The validator has run before Astro and reported any problem with file and line;
          // these throws only guard a plain `astro build` that skipped it.
          const parts = splitFrontmatter(entry.source);
          if (!parts) throw new Error(`${entry.file}: expected frontmatter between --- lines at the top of the file`);
          files.push({ parts, plans: [index] });
        }
        const jobs: BodyJob[] = files.map(({ parts, plans: entries }) => ({
          body: parts.body,
          converted: entries.map((entry) => plans[entry]!.converted),
          ...(handoffDir ? { bodyLine: parts.bodyLine } : {}),
        }));
        const { results, workers, workerErrors } = await renderBodies(jobs, contentDir, convert);
        if (workers > 0) logger.info(`${jobs.length} story bodies made on ${workers + 1} threads`);
        for (const error of workerErrors) logger.warn(`story bodies: a worker thread failed (${error}); its bodies were made on the main thread`);
        if (handoffDir) handVerdicts(handoffDir, jobs, results);
        const html = results.map((result, index) => {
          if ('error' in result) throw new Error(`${plans[files[index]!.plans[0]!]!.file}: ${result.error}`);
          return result.html;
        });
        for (const [index, { parts, plans: entries }] of files.entries()) {
          for (const [edition, entry] of entries.entries()) {
            const { id, locale, file, converted, digest } = plans[entry]!;
            const raw = (parse(parts.yaml) ?? {}) as Record<string, unknown>;
            const data = await parseData({ id, data: converted ? convertFrontmatter(raw, converter.convert, locale) : raw, filePath: file });
            // No `body`: the content store is written and read by every build (decision 018), and
            // nothing needs the source once it is HTML (photo ids come from the HTML's markers).
            store.set({ id, data, filePath: relative(projectRoot, file), digest, rendered: { html: html[index]![edition]! } });
          }
        }
      }

      // In `npm run build` each body's check verdict is made from the tree its HTML is made from,
      // and handed to the check running beside Astro, which then need not parse it again
      // (src/check/body-handoff.ts). Once, from the build's one sync, even if it parsed nothing:
      // the check waits for this folder's file.
      let handoffDir = process.env.GAZETTE_BODY_VERDICTS;
      function handVerdicts(dir: string, jobs: BodyJob[], results: BodyResult[]) {
        handoffDir = undefined;
        const verdicts = new Map<string, CheckedBody>();
        for (const [index, { body, bodyLine }] of jobs.entries()) {
          const { verdict } = results[index]!;
          if (verdict && bodyLine !== undefined) verdicts.set(bodyKey(body, bodyLine), verdict);
        }
        writeCheckedBodies(join(dir, `${basename(root)}.json`), verdicts, lockHash);
      }

      async function sync() {
        // One converter for the whole sync: its key in every digest, its conversion in every entry.
        const converter = getTraditionalConverter(contentDir);
        const seen = new Set<string>();
        const changed: Plan[] = [];
        for (const storyId of listDirs(root)) {
          for (const locale of locales) {
            const from = localeConfig[locale].derivedFrom;
            // A hand-written file wins over generation.
            const entry = existsSync(fileOf(storyId, locale)) ? plan(converter, storyId, locale) : from && existsSync(fileOf(storyId, from)) ? plan(converter, storyId, locale, from) : undefined;
            if (!entry) continue;
            seen.add(entry.id);
            if (store.get(entry.id)?.digest !== entry.digest) changed.push(entry);
          }
        }
        await loadChanged(converter, changed);
        for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      }

      // `astro dev`: an editor's save shows up on the next page load, the exceptions file's too.
      // One sync at a time, and one more after the last change: two syncs side by side could
      // each read a story, and the one that read it first (the desk's save, say, before the
      // editor's second save) could write it to the store last, leaving the preview stale.
      let changedSince = false;
      const drain = async (after: Promise<unknown>) => {
        try {
          await after.catch(() => {});
          while (changedSince) {
            changedSince = false;
            await sync().catch((error: Error) => logger.error(error.message));
          }
        } finally {
          syncing = undefined;
        }
      };
      // The first sync's errors fail the build; a save seen while it runs is synced after it.
      const first = sync();
      let syncing: Promise<void> | undefined = drain(first);
      const exceptions = join(contentDir, site.traditionalExceptions);
      watcher?.add([root, exceptions]);
      watcher?.on('all', (_event, path) => {
        if (path !== exceptions && (!path.startsWith(root + sep) || !path.endsWith('.mdx'))) return;
        changedSince = true;
        syncing ??= drain(Promise.resolve());
      });
      await first;
    },
  };
}
