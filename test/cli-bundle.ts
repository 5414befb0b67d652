/** The command line as users run it: the esbuild bundle, built once per test file into a temporary folder. */
import { buildSync } from "esbuild";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { ROOT } from "./helpers";
import { expectSoundFile } from "./package-check";

let bundle: string | undefined;

export function cliBundle(): string {
  if (bundle) return bundle;
  // Inside the project (out/ is ignored) so that the demo's sample is found as from out/cli.
  mkdirSync(join(ROOT, "out"), { recursive: true });
  const dir = mkdtempSync(join(ROOT, "out", ".test-cli-"));
  const outfile = join(dir, "scorecard.js");
  buildSync({
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    logLevel: "error",
  });
  bundle = outfile;
  return outfile;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The workbooks a run of `build` (or `demo`) writes, as its arguments name them. */
export function outputsOf(args: string[], cwd = ROOT): string[] {
  const [command, ...rest] = args;
  if (command === "demo") return [join(ROOT, "out", "committee.xlsx")];
  if (command !== "build") return [];
  const files: string[] = [];
  let out: string | undefined;
  let outDir: string | undefined;
  let inPlace = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--out") out = rest[++i];
    else if (a === "--out-dir") outDir = rest[++i];
    else if (a === "--in-place") inPlace = true;
    else if (a === "--sheet" || a === "--config" || a === "--council") i++;
    else if (!a.startsWith("--")) files.push(a);
  }
  const named = inPlace ? files : outDir ? files.map((f) => join(outDir, basename(f))) : out ? [out] : [];
  return named.map((f) => resolve(cwd, f));
}

/** A file's identity on disk: an atomic write replaces it with a new inode. */
function identity(file: string): string | undefined {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.mtimeMs}:${st.size}`;
  } catch {
    return undefined;
  }
}

/**
 * Runs the command line; every workbook the run wrote (an output it names that is new or replaced
 * afterwards) is then checked as a package (package-check.ts).
 */
export function runCli(args: string[], cwd = ROOT): Run {
  const outputs = outputsOf(args, cwd).map((file) => ({ file, before: identity(file) }));
  const r = spawnSync(process.execPath, [cliBundle(), ...args], { encoding: "utf8", cwd });
  for (const { file, before } of outputs)
    if (identity(file) !== before) expectSoundFile(file, `${file}, as the command line wrote it`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[]) {
  return spawn(process.execPath, [cliBundle(), ...args], { cwd: ROOT, stdio: "ignore" });
}

export function removeCliBundle(): void {
  if (bundle) rmSync(join(bundle, ".."), { recursive: true, force: true });
  bundle = undefined;
}
