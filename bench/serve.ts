/** Builds a Vite app into a temp dir and serves it (plus in-memory JSON documents) on a free local port. */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export interface BuildOptions {
  root: string;
  outDir: string;
  /** The app's own config file, or none (a bare entry with just the React plugin). */
  configFile?: string;
}

/** `vite build` of one app, the same way for the editor and the bare page. */
export async function viteBuild({ root, outDir, configFile }: BuildOptions): Promise<void> {
  await build({
    root,
    configFile: configFile ?? false,
    ...(configFile ? {} : { plugins: [react()] }),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** A static server for `dir`; `extra` maps paths ("/bench-1000.json") to bodies kept in memory. */
export async function serve(dir: string, extra: ReadonlyMap<string, string>): Promise<Served> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const body = extra.get(path);
    if (body !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.json']!, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    const file = join(dir, normalize(path === '/' ? '/index.html' : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (data) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(data);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
