import type { APIContext } from 'astro';
import type { Locale } from '../../../config/locales.ts';
import { getShareCardRoutes, renderShareCard } from '../../../site/share-cards.ts';

export function getStaticPaths() {
  return getShareCardRoutes();
}

export async function GET(context: APIContext) {
  const { id, locale } = context.props as { id: string; locale: Locale };
  return new Response(new Uint8Array(await renderShareCard(id, locale)), { headers: { 'Content-Type': 'image/png' } });
}
