/**
 * `npm run build:lib`: compiles the headless runtime and the CLI (tsconfig.lib.json) to lib/ as JavaScript with
 * type declarations, for the installable package.
 *
 * A kind's definition names its React side through a loader, `ui: () => import('./ui.tsx')` (nodes/<kind>/kind.ts),
 * which only the editor calls. tsc follows such an import into the views, so the package would carry React code that
 * neither Node nor a bundler building on the package can resolve (React is not a dependency of the package). The
 * compiler here reads each kind definition with its loader replaced by one that says views are not in the package,
 * as the editor's build replaces it with a static import (vite.config.ts).
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KIND_DEFINITION = /[\\/]nodes[\\/][^\\/]+[\\/]kind\.ts$/;
const UI_LOADER = /\bui\s*:\s*\(\s*\)\s*=>\s*import\s*\(\s*(['"])(\.\/[^'"\n]+)\1\s*\)/;
const HEADLESS_UI = "ui: () => Promise.reject(new Error('node views and forms are part of the editor, not of the recflow package'))";

const configPath = join(root, 'tsconfig.lib.json');
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d]) });
if (!parsed) throw new Error('tsconfig.lib.json could not be read');

const host = ts.createCompilerHost(parsed.options);
const read = host.readFile.bind(host);
host.readFile = (file) => {
  const text = read(file);
  return text !== undefined && KIND_DEFINITION.test(file) ? text.replace(UI_LOADER, HEADLESS_UI) : text;
};

rmSync(join(root, 'lib'), { recursive: true, force: true });
const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host });
const emitted = program.emit();
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
if (diagnostics.length > 0) fail(diagnostics);

function fail(list: readonly ts.Diagnostic[]): never {
  const format: ts.FormatDiagnosticsHost = { getNewLine: () => '\n', getCanonicalFileName: (f) => f, getCurrentDirectory: () => root };
  process.stderr.write(ts.formatDiagnosticsWithColorAndContext(list, format));
  process.exit(1);
}
