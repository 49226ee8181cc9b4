/**
 * The production bundle's initial JavaScript: what index.html loads before
 * anything else (its module script and the chunks it preloads), gzipped, for
 * the editor and for a bare React + React Flow page built the same way.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** gzip (level 9) bytes of the JavaScript index.html loads initially. */
  initialGzip: number;
  initialFiles: string[];
  /** gzip bytes of the JavaScript loaded later, on demand (lazy chunks). */
  lazyGzip: number;
  lazyFiles: number;
  cssGzip: number;
}

const gz = (data: Buffer): number => gzipSync(data, { level: 9 }).length;

/** Sizes of a `vite build` output directory. */
export async function bundleSize(outDir: string): Promise<BundleSize> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const initial = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) initial.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) initial.add(m[1]!);
  const assets = await readdir(join(outDir, 'assets'));
  let initialGzip = 0;
  let lazyGzip = 0;
  let lazyFiles = 0;
  let cssGzip = 0;
  for (const file of assets) {
    const data = await readFile(join(outDir, 'assets', file));
    if (file.endsWith('.css')) cssGzip += gz(data);
    if (!file.endsWith('.js')) continue;
    if (initial.has(`/assets/${file}`)) initialGzip += gz(data);
    else {
      lazyGzip += gz(data);
      lazyFiles++;
    }
  }
  return { initialGzip, initialFiles: [...initial], lazyGzip, lazyFiles, cssGzip };
}
