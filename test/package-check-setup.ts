/**
 * Runs the package check (test/package-check.ts) after every build any test makes, without each test
 * having to ask: the file host's build (what the command line writes) is wrapped here, and so is
 * ExcelJS's writer (the in-memory build path, and every workbook a test writes through it). Both are
 * wrapped only when a test loads them. Builds of the command line run as a separate process are checked
 * by test/cli-bundle.ts, after each run.
 */
import { expectSoundFile, expectSoundPackage } from "./package-check";

jest.mock("../src/hosts/file/build-file", () => {
  const actual = jest.requireActual<typeof import("../src/hosts/file/build-file")>(
    "../src/hosts/file/build-file",
  );
  return {
    ...actual,
    buildWorkbookFile: async (...args: Parameters<typeof actual.buildWorkbookFile>) => {
      const outcome = await actual.buildWorkbookFile(...args);
      expectSoundPackage(outcome.bytes, `the build of ${args[0]}`);
      return outcome;
    },
  };
});

type Writer = {
  writeBuffer: (options?: unknown) => Promise<Uint8Array>;
  writeFile: (file: string, options?: unknown) => Promise<void>;
};

jest.mock("exceljs", () => {
  const actual = jest.requireActual<typeof import("exceljs")>("exceljs");
  const XLSX = jest.requireActual<{ prototype: Writer }>("exceljs/lib/xlsx/xlsx.js").prototype;
  const { writeBuffer, writeFile } = XLSX;
  XLSX.writeBuffer = async function (this: Writer, options?: unknown) {
    const bytes = await writeBuffer.call(this, options);
    expectSoundPackage(bytes, "a workbook ExcelJS wrote");
    return bytes;
  };
  XLSX.writeFile = async function (this: Writer, file: string, options?: unknown) {
    await writeFile.call(this, file, options);
    expectSoundFile(file, `${file}, as ExcelJS wrote it`);
  };
  return actual;
});
