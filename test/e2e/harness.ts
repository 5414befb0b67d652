/**
 * What the browser test and the benchmark share: the production build served on localhost, the fake
 * office.js bundled for the page, and Debian's Chromium driven by playwright-core.
 */
import { buildSync } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { chromium, Browser } from "playwright-core";
import { ROOT } from "../helpers";

export const CHROMIUM = "/usr/bin/chromium";
export const DIST = join(ROOT, "dist");

export function chromiumPresent(): boolean {
  return existsSync(CHROMIUM);
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** The production build, rebuilt here when it is missing or older than the sources, so no test runs stale code. */
export function ensureBuild(): void {
  const bundle = join(DIST, "taskpane.js");
  const stale =
    !existsSync(bundle) ||
    statSync(bundle).mtimeMs <
      Math.max(newestSource(join(ROOT, "src")), statSync(join(ROOT, "manifest.xml")).mtimeMs);
  if (stale) {
    execFileSync(
      process.execPath,
      [join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "--mode", "production"],
      { cwd: ROOT, stdio: "ignore" },
    );
  }
}

export function fakeOfficeBundle(): string {
  const out = buildSync({
    entryPoints: [join(ROOT, "test", "e2e", "browser-entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
  });
  return out.outputFiles[0].text;
}

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".png": "image/png",
  ".xml": "application/xml",
};

export async function serveDist(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split("?")[0])).replace(/^(\.\.[/\\])+/, "");
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}` };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}
