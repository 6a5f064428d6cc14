// Starts the extract CLI (scripts/extract.ts) from a prebuilt esbuild bundle when the bundle is
// fresh, else builds it first (about a second; `npm run build` uses this). Node with tsx spends about
// 3 s of CPU compiling the CLI's ~180 modules at every start; the bundle loads in about 1 s.
//
// Fresh means: the manifest beside the bundle names every file esbuild read (its metafile's inputs)
// with the SHA-256 of its content, and every one of them still has that content (new imports change
// an importing file, so they are caught too), for this root, this esbuild and this bundle format.
// Anything else (missing, unreadable, another content) rebuilds the bundle before it is used;
// without esbuild, the CLI runs under tsx as `npm run extract` does. Packages stay external
// (node_modules is loaded as usual). Each module's import.meta.url / dirname / filename is replaced
// by its source file's own, so paths the code finds from its own location (the project root, the
// worker entry, createRequire) are those of the sources.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Changes whenever the way the bundle is built changes (a bundle of another format is stale). */
const FORMAT = 'extract-bundle@1';
const META = /\bimport\.meta\.(url|dirname|filename)\b/g;

/**
 * One bundle folder per checkout (a short hash of its root in the name): work trees that share one
 * node_modules through a link would otherwise rebuild each other's bundle, and one could start
 * another's code between the freshness check and the import. `EXTRACT_BUNDLE_DIR` overrides it.
 */
export const DEFAULT_BUNDLE_DIR =
  process.env.EXTRACT_BUNDLE_DIR ||
  path.join(ROOT, 'node_modules/.cache/diplomatic-timeline', `extract-bundle-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`);

function sha256(file) {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

async function esbuildVersion() {
  try {
    return (await import('esbuild')).version;
  } catch {
    return undefined;
  }
}

/**
 * Whether the bundle in `dir` was built from `entry` (absolute) as the sources are now. Never throws.
 * @param {{ entry: string, dir: string, esbuild?: string }} o
 */
export function bundleFresh(o) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(o.dir, 'manifest.json'), 'utf8'));
    if (manifest.format !== FORMAT || manifest.entry !== o.entry || (o.esbuild !== undefined && manifest.esbuild !== o.esbuild)) return false;
    if (!manifest.inputs || typeof manifest.inputs !== 'object' || Object.keys(manifest.inputs).length === 0) return false;
    if (sha256(path.join(o.dir, 'extract.mjs')) !== manifest.bundle) return false;
    for (const [file, hash] of Object.entries(manifest.inputs)) if (sha256(file) !== hash) return false;
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the bundle of `entry` into `dir` (extract.mjs and manifest.json, each written to a temporary
 * file and renamed, so a concurrent build never reads half a bundle).
 * @param {{ entry: string, dir: string }} o
 */
export async function buildBundle(o) {
  const esbuild = await import('esbuild');
  const ownMeta = {
    name: 'own-import-meta',
    setup(build) {
      build.onLoad({ filter: /\.[mc]?ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const url = pathToFileURL(args.path).href;
        const value = { url, dirname: path.dirname(args.path), filename: args.path };
        return { contents: text.replace(META, (_, k) => JSON.stringify(value[k])), loader: 'ts' };
      });
    },
  };
  const result = await esbuild.build({
    entryPoints: [o.entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: path.join(o.dir, 'extract.mjs'),
    plugins: [ownMeta],
  });
  const code = result.outputFiles.find((f) => f.path.endsWith('.mjs'));
  if (!code) throw new Error('esbuild wrote no bundle');
  const cwd = process.cwd();
  const inputs = {};
  // Input names are relative to the working folder; "x.json with { type: 'json' }" is x.json.
  for (const name of Object.keys(result.metafile.inputs)) {
    const at = name.indexOf(' with {');
    const file = path.resolve(cwd, at < 0 ? name : name.slice(0, at));
    inputs[file] ??= sha256(file);
  }
  mkdirSync(o.dir, { recursive: true });
  const tmp = (f) => path.join(o.dir, `${f}.${process.pid}.tmp`);
  writeFileSync(tmp('extract.mjs'), code.contents);
  renameSync(tmp('extract.mjs'), path.join(o.dir, 'extract.mjs'));
  const manifest = { format: FORMAT, entry: o.entry, esbuild: esbuild.version, bundle: createHash('sha256').update(code.contents).digest('hex'), inputs };
  writeFileSync(tmp('manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(tmp('manifest.json'), path.join(o.dir, 'manifest.json'));
}

/**
 * The bundle to import for `entry`: fresh, or rebuilt now; undefined when it cannot be built (then
 * the caller runs the sources under tsx).
 * @param {{ entry: string, dir: string }} o
 * @returns {Promise<string | undefined>}
 */
export async function ensureBundle(o) {
  const version = await esbuildVersion();
  if (version === undefined) return undefined;
  if (!bundleFresh({ ...o, esbuild: version })) {
    try {
      await buildBundle(o);
    } catch (err) {
      process.stderr.write(`extract: note: cannot bundle the CLI (${err instanceof Error ? err.message : String(err)}); running it under tsx\n`);
      return undefined;
    }
    // A source changed while it was being bundled: the bundle is not used.
    if (!bundleFresh({ ...o, esbuild: version })) return undefined;
  }
  return path.join(o.dir, 'extract.mjs');
}

async function main() {
  const entry = path.join(ROOT, 'scripts/extract.ts');
  const bundle = process.env.EXTRACT_NO_BUNDLE === '1' ? undefined : await ensureBundle({ entry, dir: DEFAULT_BUNDLE_DIR });
  if (bundle !== undefined) {
    await import(pathToFileURL(bundle).href);
    return;
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(entry).href);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
