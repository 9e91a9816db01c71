import { getSiteUrl } from '../config/site.ts';
import { toRobotsTxt } from '../site/sitemap-config.ts';

export function GET() {
  return new Response(toRobotsTxt(getSiteUrl()), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
