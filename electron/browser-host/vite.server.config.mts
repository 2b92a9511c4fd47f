import { defineConfig } from 'vite';

// The browser host's Node entry, CommonJS like the Electron main bundle; dependencies stay external.
export default defineConfig({
  build: {
    ssr: 'electron/browser-host/start.ts',
    outDir: 'out-dev/browser-host',
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'start.js' } },
  },
});
