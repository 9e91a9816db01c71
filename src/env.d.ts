interface ImportMetaEnv {
  /** true only under `astro dev`: drafts and scheduled stories show, with a banner. Set by the gazette integration. */
  readonly GAZETTE_PREVIEW: boolean;
}
