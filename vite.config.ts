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
        // One chunk for all kinds, which index.html preloads beside the entry, instead of a chunk per kind and one
        // for each module two chunks share (21 initial files). It takes the kinds' dependencies with it (React,
        // React Flow, zod: all loaded up front anyway); without them its modules could run before zod's.
        codeSplitting: { groups: [{ name: 'kinds', test: KINDS }] },
      },
    },
  },
});
