/**
 * Excel's refusals turned into messages an analyst can act on. Codes are Excel.ErrorCodes
 * (@types/office-js) and the error table of office-js-docs-pr (docs/excel/excel-add-ins-error-handling.md).
 */

/** The code of an Office.js error (OfficeExtension.Error), or undefined for anything else. */
export function errorCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e
    ? String((e as { code: unknown }).code)
    : undefined;
}

export class RefreshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefreshError";
  }
}

/** A source sheet past Scorecard's limits, refused from its used range before any value was read. */
export class SourceTooBigError extends RefreshError {
  constructor(
    message: string,
    readonly sheet: string,
    readonly sheetNames: string[],
  ) {
    super(message);
  }
}

/** Excel's refusals, said so that the analyst knows what to do. */
export function explainExcelError(e: unknown): Error {
  if (e instanceof RefreshError) return e;
  switch (errorCode(e)) {
    case "InvalidOperationInCellEditMode":
      return new RefreshError(
        "Excel is editing a cell. Press Enter (or Esc) to finish editing, then refresh again. Nothing was changed.",
      );
    case "AccessDenied":
      return new RefreshError(
        "Excel refused the change because the workbook or a sheet is protected (Review > Unprotect Sheet or Protect Workbook). Unprotect it and refresh again; the committee sheet was left as it was.",
      );
    case "RequestPayloadSizeLimitExceeded":
    case "ResponsePayloadSizeLimitExceeded":
      return new RefreshError(
        "The scorecard is too large for one exchange with Excel on the web (5 MB). The committee sheet was left as it was.",
      );
    default:
      return e instanceof Error ? e : new Error(String(e));
  }
}
