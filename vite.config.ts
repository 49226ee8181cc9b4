import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The node kinds (`nodes/`: definitions, models, views, forms) and the view helpers they use (`editor/kit/`). */
const KINDS = /[\\/](nodes|editor[\\/]kit)[\\/]/;

/** The editor app: `npm start` serves index.html (editor/main.tsx). */
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  build: {
    rolldownOptions: {
      output: {
        // Every kind's view and form loads before the first render (editor/kindUi.ts), through its `ui()` loader.
        // One chunk for all kinds, which index.html preloads beside the entry, instead of a chunk per kind plus a
        // chunk for each piece two of them share. Only the kinds' own modules: their dependencies stay where they are.
        codeSplitting: { groups: [{ name: 'kinds', test: KINDS, includeDependenciesRecursively: false }] },
      },
    },
  },
});
