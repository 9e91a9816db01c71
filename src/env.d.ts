interface ImportMetaEnv {
  /** true only under `astro dev`: drafts and scheduled stories show, with a banner. Set by the gazette integration. */
  readonly GAZETTE_PREVIEW: boolean;
  /** true only under `astro build`. Set by the gazette integration. */
  readonly GAZETTE_BUILD: boolean;
  /** A hash of package-lock.json: what kept results depend on besides the code. Set by the gazette integration. */
  readonly GAZETTE_LOCK_HASH: string;
}

declare namespace App {
  interface Locals {
    /** The language a story body is rendered in: read by <Photo> (pages and feeds alike). */
    gazetteLocale?: import('./config/locales.ts').Locale;
  }
}
