import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Two pages: the workbench (index.html) and the self-hosted GraphiQL (graphiql.html), which the
 * gateway serves at GET /graphql in development. Hashed assets under dist/assets/.
 * `npm run dev` proxies the gateway's routes, so the dev server is same-origin like production.
 */
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's Monaco editor is large; it loads only on graphiql.html. The app's chunks are measured by scripts/bundle-size.mjs.
    chunkSizeWarningLimit: 3000,
    manifest: true,
    rollupOptions: {
      input: { index: 'index.html', graphiql: 'graphiql.html' },
      // GraphiQL's dependencies carry React Compiler directives ("use no memo") that bundling drops harmlessly.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { proxy: { '/graphql': gateway, '/auth': gateway, '/health': gateway } },
});
