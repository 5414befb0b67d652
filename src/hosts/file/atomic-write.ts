/**
 * Writing a workbook so that the file on disk is always either the old one or the new one, whole:
 * the bytes go to a temporary file beside the target, are flushed to disk, and the temporary file is
 * renamed over the target (an atomic step on one file system). A kill, a full disk or a permission
 * error at any moment leaves the original as it was.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { randomBytes } from "node:crypto";
import { UserError } from "./workbook";

export function writeFileAtomic(target: string, data: Uint8Array): void {
  const dir = dirname(target);
  const existed = existsSync(target);
  const tmp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
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
      `Cannot write ${target} (${describe(reason)}); ${existed ? "the original file is untouched" : "no file was written"}.`,
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
