/**
 * The API reference page. Swagger UI's files are served by the edge itself (static assets copied
 * from swagger-ui-dist by edge/scripts/copy-docs-assets.mjs), so the page works offline.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Billing API reference</title>
    <link rel="stylesheet" href="/docs/vendor/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/vendor/swagger-ui-bundle.js"></script>
    <script src="/docs/init.js"></script>
  </body>
</html>
`;

/** Kept out of the HTML so the page runs under a Content-Security-Policy without inline scripts. */
export const DOCS_INIT_JS = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
`;
