/** The workspace web app: built from src/web into dist/web and served by Fastify at /app. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: path.join(root, 'src/web'),
  base: '/app/',
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    // Catalogs and pages are split by dynamic import; a warning above this size means a page leaked into the entry.
    chunkSizeWarningLimit: 800,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
