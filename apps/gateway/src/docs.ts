import { createReadStream, readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

// Served from node_modules: there is no CDN to load Swagger UI from, and none is wanted.
const ASSETS_DIR = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();
const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
};
// Only files that exist at boot and have a known type: a request path never reaches the filesystem.
const ASSETS = new Set(readdirSync(ASSETS_DIR).filter((name) => TYPES[path.extname(name)]));

export const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ragstream API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
  <link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

export const DOCS_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout',
});
`;

/** Streams one Swagger UI asset; false when `name` is not one. */
export function sendDocsAsset(name: string, res: ServerResponse): boolean {
  if (!ASSETS.has(name)) return false;
  res.writeHead(200, { 'content-type': TYPES[path.extname(name)], 'cache-control': 'public, max-age=86400' });
  createReadStream(path.join(ASSETS_DIR, name)).pipe(res);
  return true;
}
