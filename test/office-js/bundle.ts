/** The add-in's own entry as one script for the simulated page, bundled as webpack would serve it. */
import { buildSync } from "esbuild";
import { join } from "node:path";

const cache = new Map<string, string>();

export function bundle(entry: string): string {
  const hit = cache.get(entry);
  if (hit) return hit;
  const out = buildSync({
    entryPoints: [join(__dirname, "..", "..", entry)],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  const code = out.outputFiles[0].text;
  cache.set(entry, code);
  return code;
}
