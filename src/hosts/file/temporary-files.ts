/**
 * The temporary files a build writes beside a workbook, and the cleaning up of those a killed build
 * left. A name says whose it is: `.book.xlsx.scorecard-<host>-<pid>-<random>.tmp`, the host a hash of
 * this machine's name (a shared folder may be written from several machines, each with its own
 * process ids). A file is removed only when everything says it is a dead build's: its name has that
 * shape for this workbook and this machine, its process no longer exists, it is a regular file of this
 * user, and it holds nothing or the start of a zip package. Anything else is left alone.
 */
import { createHash } from "node:crypto";
import { lstatSync, openSync, readSync, closeSync, readdirSync, unlinkSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

const HOST = createHash("sha256").update(hostname()).digest("hex").slice(0, 8);

export function temporaryName(base: string, pid: number, random: string): string {
  return `.${base}.scorecard-${HOST}-${pid}-${random}.tmp`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists and belongs to someone else.
    return (e as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/** Empty, or beginning as every zip package does ("PK\x03\x04"). */
function holdsPackageStart(path: string, size: number): boolean {
  if (size === 0) return true;
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    closeSync(fd);
  }
}

function isDeadBuilds(path: string, pid: number): boolean {
  if (pid === process.pid || processExists(pid)) return false;
  const st = lstatSync(path);
  if (!st.isFile()) return false;
  const uid = process.getuid?.();
  if (uid !== undefined && st.uid !== uid) return false;
  return holdsPackageStart(path, st.size);
}

/** Removes what killed builds of `base` left in `dir`; a file that cannot be checked or removed stays. */
export function removeStaleTemporaries(dir: string, base: string): string[] {
  const shape = new RegExp(`^\\.${escapeRegExp(base)}\\.scorecard-${HOST}-(\\d+)-[0-9a-f]+\\.tmp$`);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    const m = shape.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    try {
      if (!isDeadBuilds(path, Number(m[1]))) continue;
      unlinkSync(path);
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: either way, leave it.
    }
  }
  return removed;
}
