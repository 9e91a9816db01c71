/**
 * Every page's getStaticPaths, computed once from the site data. Page files only
 * return these.
 */
import { localeKeys } from '../config/locales.ts';
import { getKeyedRoutes, getLocaleRoutes, getStoryRoutes } from '../lib/routes.ts';
import { getSiteData } from './site-data.ts';

export async function getStoryPaths() {
  return getStoryRoutes((await getSiteData()).versions);
}

export function getFrontPagePaths() {
  return getLocaleRoutes();
}

export async function getPersonPaths() {
  return getKeyedRoutes('person', (await getSiteData()).people.keys());
}

export async function getSectionPaths() {
  return getKeyedRoutes('section', (await getSiteData()).sections.keys(), () => localeKeys);
}
