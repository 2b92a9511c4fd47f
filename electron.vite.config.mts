import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    // The smoke-test build only (electron/window/build-flavour.ts); installers are built without BALIE_TEST_BUILD.
    define: { __BALIE_TEST_BUILD__: JSON.stringify(process.env.BALIE_TEST_BUILD === '1') },
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: { input: { index: resolve(root, 'electron/main.ts') } },
    },
  },
  preload: {
    // Sandboxed preloads can only require Electron's renderer modules: electron-vite bundles it into one file.
    build: {
      outDir: resolve(root, 'out/preload'),
      rollupOptions: { input: { index: resolve(root, 'electron/ipc/preload.ts') } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
