import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The editor app: `npm start` serves index.html (editor/main.tsx). */
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
