/** The Keystatic app with Gazette's desk config, as one component for the desk page to hydrate. */
import { makePage } from '@keystatic/astro/ui';
import config from './keystatic-config.ts';

export const DeskApp = makePage(config);
