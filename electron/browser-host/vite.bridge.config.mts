import { defineConfig } from 'vite';

// The bridge client as one classic script, injected by the browser host before the app.
export default defineConfig({
  build: {
    outDir: 'out-dev/browser-host',
    emptyOutDir: false,
    lib: {
      entry: 'electron/browser-host/bridge-client.ts',
      formats: ['iife'],
      name: 'balieBridge',
      fileName: () => 'bridge.js',
    },
  },
});
