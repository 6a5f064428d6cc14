// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';

// Static output only: the site is plain files that any host can serve.
export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL || 'http://127.0.0.1:4321',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // Never inline scripts or assets: the Content-Security-Policy allows script-src 'self' only.
  vite: {
    build: { assetsInlineLimit: 0 },
    resolve: {
      alias: [
        // vis-timeline's HTML sanitiser is replaced by plain escaping: the page gives it text only
        // (see src/client/vendor/xss-escape.ts). Saves about 6 KB gzipped of the timeline's script.
        { find: /^xss$/, replacement: fileURLToPath(new URL('./src/client/vendor/xss-escape.ts', import.meta.url)) },
      ],
    },
  },
});
