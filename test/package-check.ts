/**
 * The package check as the tests apply it: every rule, including the deep ones (each r:id names a
 * relationship; no part is left unreferenced), on every package a build in the suite produces. The
 * product runs the same check on each build it writes, but only refuses what the build itself broke;
 * the tests ask for a package with nothing wrong at all.
 */
import { existsSync, readFileSync } from "node:fs";
import { ZipPackage } from "../src/hosts/file/zip-package";
import { packageProblems } from "../src/hosts/file/package-check";

/** How many packages the suite has checked in this test file (so a test can show the hook ran). */
export const checked = { count: 0 };

export function expectSoundPackage(bytes: Uint8Array, what: string): void {
  const problems = packageProblems(new ZipPackage(Buffer.from(bytes)), { deep: true });
  checked.count++;
  if (problems.length)
    throw new Error(`${what} is a package Excel would repair:\n  ${problems.join("\n  ")}`);
}

/** The same for a file on disk, if it is there and is a zip package (a test may write other things). */
export function expectSoundFile(path: string, what = path): void {
  if (!existsSync(path)) return;
  const bytes = readFileSync(path);
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) expectSoundPackage(bytes, what);
}
