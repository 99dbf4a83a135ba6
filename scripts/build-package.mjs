/**
 * Builds the npm package into dist/ (run by `npm run build` and by `prepack`, so `npm pack`,
 * `npm publish` and git installs never ship an empty package).
 *
 * Entry points come from package.json `exports`: "." is src/index.ts, and every other key
 * "./<name>" (except "./package.json") is src/<name>/index.ts. Adding `./icp` or `./ckb` is one
 * exports entry; this script, the tests and the README's API check follow it.
 *
 * Output, per entry, in two formats:
 *   dist/esm/src/<entry>.js   ES module, one bundle per entry; dependencies stay imports
 *   dist/cjs/src/<entry>.js   CommonJS, one bundle per entry; ESM-only dependencies (@noble v2)
 *                             are bundled in, so `require` works where require(esm) does not
 *                             (Jest, Node < 20.19, Node run with --no-experimental-require-module)
 *   dist/{esm,cjs}/**.d.ts    declarations (tsc), relative imports rewritten to explicit `.js`
 *                             paths so `moduleResolution: node16/nodenext` resolves them
 * dist/esm/package.json says "type": "module", dist/cjs/package.json "type": "commonjs", so Node
 * and TypeScript read each tree in its own format.
 *
 * Chain entries (src/evm, …) import the library only through src/index.ts; that import is kept
 * as an import of the root bundle ("../index.js"), so `perun-adjudicators` and
 * `perun-adjudicators/evm` share one copy of every class (`instanceof PerunError` works across
 * them). Any other import from outside the chain folder fails the build.
 *
 * Source maps carry their sources' text (`sourcesContent`), so they are valid without src/.
 *
 * The ES and CommonJS builds are two copies of every class; when an application loads both (an
 * ES module imports the package and a CommonJS dependency requires it), `PerunError`'s
 * `Symbol.hasInstance` (a `Symbol.for` brand) makes `instanceof` work across the copies.
 *
 * `node scripts/build-package.mjs --out <dir>` builds into <dir> instead of dist/.
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
/** Output folder: dist/, or `--out <dir>` (tests build a private copy there). */
const outFlag = process.argv.indexOf("--out");
const DIST = outFlag > 0 && process.argv[outFlag + 1] ? resolve(process.argv[outFlag + 1]) : join(ROOT, "dist");
const SRC = join(ROOT, "src");

/** ESM-only dependencies that the CommonJS bundles must contain instead of `require`. */
const CJS_INLINE = ["@noble/curves", "@noble/hashes"];

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

/** `[{ key: ".", name: "index", source: "src/index.ts" }, { key: "./evm", name: "evm/index", … }]` */
export function packageEntries(exportsMap = pkg.exports) {
  return Object.keys(exportsMap)
    .filter((key) => key !== "./package.json")
    .map((key) => {
      const name = key === "." ? "index" : `${key.slice(2)}/index`;
      return { key, name, source: `src/${name}.ts` };
    });
}

const dependencies = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];

/** Keeps chain entries' imports of the library as imports of the root bundle; see the file comment. */
function rootEntryAsImport(entryName) {
  const chainDir = join(SRC, dirname(entryName));
  const rootSource = join(SRC, "index");
  return {
    name: "root-entry-as-import",
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind === "entry-point" || dirname(entryName) === ".") return undefined;
        const target = resolve(args.resolveDir, args.path).replace(/\.ts$/, "");
        const inChain = target === chainDir || target.startsWith(chainDir + sep);
        const inSrc = target.startsWith(SRC + sep);
        if (!inSrc || inChain) return undefined;
        if (target === rootSource) {
          const fromOut = dirname(join("src", entryName));
          const spec = relative(fromOut, join("src", "index.js")).split(sep).join("/");
          return { path: spec.startsWith(".") ? spec : `./${spec}`, external: true };
        }
        return {
          errors: [
            {
              text:
                `${relative(ROOT, args.importer)} imports ${args.path}: a chain entry imports the library only ` +
                `through src/index.ts, so that every entry shares one copy of its classes`,
            },
          ],
        };
      });
    },
  };
}

async function bundle(entry, format) {
  const outDir = join(DIST, format);
  const external =
    format === "esm"
      ? dependencies.flatMap((d) => [d, `${d}/*`])
      : dependencies.filter((d) => !CJS_INLINE.includes(d)).flatMap((d) => [d, `${d}/*`]);
  await build({
    absWorkingDir: ROOT,
    entryPoints: [{ in: entry.source, out: join("src", entry.name) }],
    outdir: outDir,
    bundle: true,
    format,
    platform: "neutral",
    // The neutral platform resolves no package fields by default; these are the ones our
    // dependencies use (exports conditions come first).
    mainFields: format === "esm" ? ["module", "main"] : ["main", "module"],
    conditions: format === "esm" ? ["import"] : ["require"],
    target: "es2022",
    external,
    sourcemap: true,
    sourcesContent: true,
    legalComments: "inline",
    logLevel: "warning",
    plugins: [rootEntryAsImport(entry.name)],
  });
}

/** `from "./x"` → `from "./x.js"` (or "./x/index.js") when that declaration file exists. */
function rewriteDeclarationImports(file) {
  const dir = dirname(file);
  const text = readFileSync(file, "utf8");
  const fixed = text.replace(/((?:from|import)\s*\(?\s*["'])(\.{1,2}\/[^"']*)(["'])/g, (all, head, spec, tail) => {
    if (/\.(js|mjs|cjs|json)$/.test(spec)) return all;
    const base = resolve(dir, spec);
    if (existsSync(`${base}.d.ts`)) return `${head}${spec}.js${tail}`;
    if (existsSync(join(base, "index.d.ts"))) return `${head}${spec}/index.js${tail}`;
    throw new Error(`${relative(DIST, file)}: cannot resolve the declaration import "${spec}"`);
  });
  writeFileSync(file, fixed);
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

async function main() {
  rmSync(DIST, { recursive: true, force: true });
  const entries = packageEntries();
  for (const entry of entries) {
    if (!existsSync(join(ROOT, entry.source))) throw new Error(`exports "${entry.key}" needs ${entry.source}`);
  }

  // Declarations: one tsc run into a staging folder, then a copy per format.
  const staging = join(DIST, "types");
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json", "--outDir", staging],
    { cwd: ROOT, stdio: "inherit" },
  );
  if (tsc.status !== 0) throw new Error("tsc failed (declarations)");
  for (const file of listFiles(staging)) rewriteDeclarationImports(file);

  for (const format of ["esm", "cjs"]) {
    mkdirSync(join(DIST, format), { recursive: true });
    cpSync(staging, join(DIST, format), { recursive: true });
    writeFileSync(
      join(DIST, format, "package.json"),
      `${JSON.stringify({ type: format === "esm" ? "module" : "commonjs" }, null, 2)}\n`,
    );
    for (const entry of entries) await bundle(entry, format);
  }
  rmSync(staging, { recursive: true, force: true });
  console.log(`build: ${entries.map((e) => e.key).join(", ")} → dist/esm and dist/cjs`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`build: FAILED: ${e.message}`);
    process.exitCode = 1;
  });
}
