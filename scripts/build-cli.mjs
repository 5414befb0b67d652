// Bundles the command line into one file (out/cli/scorecard.js) so that it starts at once: no tsx
// process, no transpiling on every run, and ExcelJS loaded as one module instead of hundreds of files.
// `--if-stale` rebuilds only when a source file or package.json is newer than the bundle, which is what
// `npm run scorecard` and `npm run demo` call first, so a fresh clone works without a postinstall step.
import { build } from "esbuild";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUNDLE = join(root, "out", "cli", "scorecard.js");

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    const m = e.isDirectory() ? newest(p) : /\.tsx?$/.test(e.name) ? statSync(p).mtimeMs : 0;
    if (m > t) t = m;
  }
  return t;
}

function stale() {
  if (!existsSync(BUNDLE)) return true;
  const built = statSync(BUNDLE).mtimeMs;
  const inputs = [
    newest(join(root, "src")),
    statSync(join(root, "package.json")).mtimeMs,
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  ];
  return inputs.some((t) => t > built);
}

export async function buildCli(outfile = BUNDLE) {
  await build({
    entryPoints: [join(root, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    minify: true,
    sourcemap: "linked",
    legalComments: "linked",
    logLevel: "error",
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!process.argv.includes("--if-stale") || stale()) await buildCli();
}
