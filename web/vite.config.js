import { defineConfig } from 'vite';

// Relative asset paths: the built app works from the node (`/app/`) or any static host.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    reportCompressedSize: true,
    chunkSizeWarningLimit: 1500,
  },
});
