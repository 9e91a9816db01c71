/** The static server for built sites lives with the scripts (`npm run audit` uses it too). */
export { CONTENT_TYPES, distFile, readDistPage, serveDir, type StaticServer } from '../../scripts/lib/serve.ts';
