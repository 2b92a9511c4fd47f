import { defineConfig } from 'vite';

// The eID diagnostic command as one CommonJS file; pcsclite stays an external require.
export default defineConfig({
  logLevel: 'error',
  build: {
    ssr: 'electron/eid/cli.ts',
    outDir: 'out-dev',
    emptyOutDir: false,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'eid-cli.js' } },
  },
});
