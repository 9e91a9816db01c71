// Moved to src/build/hash.ts; this re-export lasts until src/check and story-loader.ts import from there.
export { getLockHash, getSourceHash } from '../build/hash.ts';
