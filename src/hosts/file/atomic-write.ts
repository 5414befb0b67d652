/**
 * Writing a workbook so that the file on disk is always either the old one or the new one, whole:
 * the bytes go to a temporary file beside the target, are flushed to disk, and the temporary file is
 * renamed over the target (an atomic step on one file system). A kill, a full disk or a permission
 * error at any moment leaves the original as it was. A target that is a symbolic link is written
 * where it points (the link stays a link), and what an earlier, killed build left beside the
 * workbook is cleared first.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import { removeStaleTemporaries, temporaryName } from "./temporary-files";
import { UserError } from "./workbook";

/** Links allowed in a chain before it is taken for a loop, as the system's own limit (ELOOP). */
const MAX_LINKS = 40;

/**
 * The file a write to `path` should replace: the end of its chain of symbolic links (which may not
 * exist yet, for a link to a file still to be made), or `path` itself.
 */
export function realTarget(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // A missing file, or a link to one: follow the links by hand as far as they go.
  }
  let at = resolve(path);
  for (let i = 0; i < MAX_LINKS; i++) {
    let link: string;
    try {
      if (!lstatSync(at).isSymbolicLink()) return at;
      link = readlinkSync(at);
    } catch {
      return at;
    }
    at = resolve(dirname(at), link);
  }
  throw new UserError(`Cannot write ${path}: it is a chain of more than ${MAX_LINKS} symbolic links.`);
}

export function writeFileAtomic(named: string, data: Uint8Array): void {
  const target = realTarget(named);
  const dir = dirname(target);
  const existed = existsSync(target);
  removeStaleTemporaries(dir, basename(target));
  const tmp = join(dir, temporaryName(basename(target), process.pid, randomBytes(4).toString("hex")));
  let fd: number | undefined;
  try {
    const mode = existed ? statSync(target).mode & 0o777 : 0o666;
    fd = openSync(tmp, "wx", mode);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the first error is the one to report
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      // the temporary file may never have been made
    }
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message.split("\n")[0];
    throw new UserError(
      `Cannot write ${named}${named === target ? "" : ` (the link's file ${target})`} (${describe(reason)}); ${existed ? "the original file is untouched" : "no file was written"}.`,
    );
  }
  // The rename itself is durable only once the folder is flushed; not every system allows that.
  try {
    const dfd = openSync(dir, "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Windows cannot open a folder; the rename has still happened.
  }
}

function describe(code: string): string {
  switch (code) {
    case "ENOSPC":
      return "the disk is full";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EROFS":
      return "the disk is read-only";
    case "ENOENT":
      return "the folder does not exist";
    case "ENOTDIR":
      return "part of the path is a file, not a folder";
    case "EBUSY":
      return "the file is open in another program";
    default:
      return code;
  }
}
