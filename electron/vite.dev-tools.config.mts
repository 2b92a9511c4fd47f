import { defineConfig } from 'vite';

// The Node entry points that are never packaged: the browser host, the eID command and the simulator.
// CommonJS like the Electron main bundle; dependencies (pcsclite, ws, …) stay external requires.
export default defineConfig({
  logLevel: 'error',
  // The app's PC/SC addon is a linked package (file:native/pcsc-transactions), which Vite would bundle; it must stay a require.
  ssr: { external: ['pcsc-transactions'] },
  build: {
    ssr: true,
    outDir: 'out-dev',
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: {
      input: {
        'browser-host/start': 'electron/browser-host/start.ts',
        'eid-cli': 'electron/cards/cli.ts',
        simulator: 'electron/simulator/main.ts',
      },
      output: { format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'shared/[name]-[hash].js' },
    },
  },
});
