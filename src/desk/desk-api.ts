/**
 * Keystatic's local-mode API (`/api/keystatic/tree`, `blob`, `update`), served by Gazette over
 * content/ alone, plus two things the desk's pages ask for: the photos that exist (for the hero
 * and <Photo> choices) and the content check's messages after a save. Dev only: the desk
 * integration injects this route under `astro dev`, never in a build.
 */
import type { APIRoute } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { checkContent } from '../check/check-content.ts';
import { listDir, listDirs } from '../build/files.ts';
import { deskLanguages } from './desk-labels.ts';
import { toDiskPath } from './desk-paths.ts';
import { applyDeskUpdate, fromBase64Url, Refused } from './desk-save.ts';
import { blobSha, readDeskTree } from './desk-tree.ts';

export const prerender = false;

const root = (import.meta.env.GAZETTE_DESK_ROOT as string | undefined) ?? process.cwd();

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
const text = (message: string, status: number) => new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

function photos() {
  const storiesDir = join(root, 'content/stories');
  return listDirs(storiesDir).flatMap((story) =>
    listDir(join(storiesDir, story, 'photos')).filter((name) => name.endsWith('.yaml')).map((name) => {
      let caption = '';
      try {
        const data = parse(readFileSync(join(storiesDir, story, 'photos', name), 'utf8')) as { caption?: Record<string, string> };
        caption = deskLanguages.map((locale) => data?.caption?.[locale]).find(Boolean) ?? '';
      } catch {
        // A broken entry still has an id; the check names its problem.
      }
      return { id: name.slice(0, -'.yaml'.length), story, caption };
    }),
  );
}

/** The check's lines about the files under `prefix` (a story folder), and how many others there are. */
async function checkLines(prefix: string) {
  const report = await checkContent(root);
  const own = report.lines.filter((line) => !prefix || line.startsWith(prefix));
  return { ok: report.ok, lines: own, others: report.lines.length - own.length };
}

export const ALL: APIRoute = async ({ request, params }) => {
  const path = params.params ?? '';
  if (request.method === 'GET' && path === 'gazette/photos') return json(photos());
  if (request.method === 'GET' && path === 'gazette/check') {
    const story = new URL(request.url).searchParams.get('story') ?? '';
    return json(await checkLines(/^[a-z0-9-]+$/.test(story) ? `content/stories/${story}/` : ''));
  }
  // Keystatic sends this header on every call of its own: a plain form post from elsewhere has none.
  if (request.headers.get('no-cors') !== '1') return text('Bad Request', 400);
  // Vite answers any localhost origin, so a page of another local server could send the header too:
  // a browser names the page's origin, which must be the desk's own.
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(request.url).origin) return text('Forbidden', 403);
  if (request.method === 'GET' && path === 'tree') return json(readDeskTree(root));
  if (request.method === 'GET' && path.startsWith('blob/')) {
    const [, sha, ...rest] = path.split('/');
    const disk = toDiskPath(rest.join('/'));
    if (!disk || !existsSync(join(root, disk))) return text('Not Found', 404);
    const contents = readFileSync(join(root, disk));
    return blobSha(contents) === sha ? new Response(contents) : text('Not Found', 404);
  }
  if (request.method === 'POST' && path === 'update') {
    try {
      const body = (await request.json()) as { additions: { path: string; contents: string }[]; deletions: { path: string }[] };
      applyDeskUpdate(root, {
        additions: body.additions.map((addition) => ({ path: addition.path, contents: fromBase64Url(addition.contents) })),
        deletions: body.deletions.map((deletion) => ({ path: deletion.path })),
      });
    } catch (error) {
      return text(error instanceof Refused ? error.message : `Bad data: ${String(error)}`, 400);
    }
    return json(readDeskTree(root));
  }
  return text('Not Found', 404);
};
