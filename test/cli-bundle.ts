/** The command line as users run it: the esbuild bundle, built once per test file into a temporary folder. */
import { buildSync } from "esbuild";
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./helpers";

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

export function runCli(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [cliBundle(), ...args], { encoding: "utf8", cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function spawnCli(args: string[]) {
  return spawn(process.execPath, [cliBundle(), ...args], { cwd: ROOT, stdio: "ignore" });
}

export function removeCliBundle(): void {
  if (bundle) rmSync(join(bundle, ".."), { recursive: true, force: true });
  bundle = undefined;
}
