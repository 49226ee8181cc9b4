import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/** A kind's definition and the loader of its React side: `ui: () => import('./ui.tsx')` in `nodes/<kind>/kind.ts`. */
const KIND_DEFINITION = /[\\/]nodes[\\/][^\\/]+[\\/]kind\.ts$/;
const UI_LOADER = /\bui\s*:\s*\(\s*\)\s*=>\s*import\s*\(\s*(['"])(\.\/[^'"\n]+)\1\s*\)/;

/**
 * In the editor's production bundle a kind's `ui()` loader imports its module statically. The editor loads every
 * kind's view and form before its first render (editor/kindUi.ts), so splitting them out only added a module
 * request per kind on the way to the first drawn flow (~0.1 s later at 1000 nodes, npm run bench:ab). The source
 * keeps the loader, so the runtime and the CLI never load React; the dev server and the tests use it as written.
 */
function staticKindUis(): Plugin {
  return {
    name: 'recflow:static-kind-uis',
    apply: 'build',
    transform(code, id) {
      if (!KIND_DEFINITION.test(id)) return null;
      const m = UI_LOADER.exec(code);
      if (!m) return null;
      const loader = `ui: () => Promise.resolve(__kindUi)`;
      return { code: `import * as __kindUi from ${m[1]}${m[2]}${m[1]};\n${code.replace(m[0], loader)}`, map: null };
    },
  };
}

/** The editor app: `npm start` serves index.html (editor/main.tsx). */
export default defineConfig({
  plugins: [react(), staticKindUis()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
