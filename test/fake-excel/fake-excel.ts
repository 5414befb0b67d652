/**
 * A small, strict fake of the Excel JavaScript API subset the Office host uses. It behaves like
 * Office.js where bugs hide: proxies are returned at once, writes and loads are queued and happen at
 * context.sync(), reading a property that was not loaded (or before the sync) throws, and every sync
 * and proxy call is counted. It runs in jest and, bundled, in the browser for end-to-end tests.
 *
 * It refuses what Excel refuses, with Excel's error codes (Excel.ErrorCodes in @types/office-js, and the
 * error table of office-js-docs-pr docs/excel/excel-add-ins-error-handling.md):
 * - sheet names: unique without regard to case (ItemAlreadyExists); at most 31 characters, none of
 *   : \ / ? * [ ], not beginning or ending with ', not "History" (InvalidArgument) — Excel's
 *   "Rename a worksheet" rules;
 * - payloads: a request or a response over 5 MB fails the batch (RequestPayloadSizeLimitExceeded,
 *   ResponsePayloadSizeLimitExceeded; "Resource limits and performance optimization for Office Add-ins":
 *   Excel on the web limits requests and responses to 5 MB);
 * - a row height over 409 points and a cell text over 32,767 characters (InvalidArgument; Excel
 *   specifications and limits);
 * - getMergedAreasOrNullObject over a range with more than 512 merged areas ("if the merged areas count
 *   in this range is more than 512, then this method will fail to return the result", Range reference);
 * - numberFormat and values arrays that do not match the range's shape (InvalidArgument);
 * - writes to a protected sheet and sheet changes in a protected workbook structure (AccessDenied);
 * - any batch while the user is editing a cell (InvalidOperationInCellEditMode);
 * - a settings bag whose saveAsync fails.
 */

import { columnLetter, type Grid } from "../../src/engine/grid";
import { FakeChartCollection, FakeChartModel } from "./fake-charts";
import { FakeXmlPart, FakeXmlPartCollection } from "./fake-xml-parts";

export interface FakeCell {
  value: string | number | boolean | { formula: string } | null;
  numberFormat: string;
  error?: string;
}

export interface FakeFormat {
  font: Record<string, unknown>;
  fill?: string;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  borders?: string;
}

export interface FakeSheet {
  name: string;
  /** Sheet protection (Review > Protect Sheet): cells and formats refuse writes. */
  protected?: boolean;
  hiddenRows: Set<number>;
  cells: Map<string, FakeCell>;
  formats: Map<string, FakeFormat>;
  merges: { top: number; left: number; bottom: number; right: number }[];
  rowHeights: Map<number, number>;
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  frozen?: string;
  printTitles?: string;
  /** 1-based rows that begin a printed page, as horizontalPageBreaks.add leaves them. */
  pageBreaks?: number[];
  printArea?: string;
  footer: { left?: string; right?: string; header?: string };
  orientation?: string;
  showGridlines: boolean;
  tabColor?: string;
  conditional: { address: string; contains: string; fill?: string; color?: string; bold?: boolean }[];
  autofit: string[];
  /** Charts drawn on the sheet (worksheet.charts); they go with the sheet when it is deleted. */
  charts: FakeChartModel[];
  /** Worksheet.visibility; a sheet is "Visible" unless hidden in the test. */
  visibility?: "Visible" | "Hidden" | "VeryHidden";
}

export interface Counters {
  syncs: number;
  calls: number;
  formatCalls: number;
  /** Calls made on charts (worksheet.charts and what it returns), also counted in `calls`. */
  chartCalls: number;
  /** Bytes of each sync's request and response, as JSON would carry them. */
  payloads: { request: number; response: number }[];
}

/** Excel on the web's limit per request and per response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const MAX_CELL_CHARS = 32767;
/** Office.context.document.settings: 32 KB per add-in. */
export const SETTINGS_LIMIT = 32 * 1024;
export const MAX_ROW_HEIGHT = 409;
export const MAX_MERGED_AREAS = 512;

/** Excel's rules for a sheet name; the message says which is broken. */
export function badSheetName(name: string): string | null {
  if (!name || name.length > 31) return "a sheet name has 1 to 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "a sheet name cannot contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with '";
  if (name.toLowerCase() === "history") return "History is a reserved sheet name";
  return null;
}

/** Errors as Office.js raises them: a code and a message, failing the whole batch at sync. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class PropertyNotLoaded extends Error {
  code = "PropertyNotLoaded";
  constructor(what: string) {
    super(
      `The property '${what}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    );
  }
}

const key = (r: number, c: number) => `${r},${c}`;

function colIndex(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseA1(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const cols = /^\$?([A-Z]+):\$?([A-Z]+)$/i.exec(local);
  if (cols) return { top: 0, bottom: 1048575, left: colIndex(cols[1]), right: colIndex(cols[2]) };
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(local);
  if (rows) return { top: Number(rows[1]) - 1, bottom: Number(rows[2]) - 1, left: 0, right: 16383 };
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(local);
  if (!m) throw new FakeOfficeError("InvalidArgument", `The address '${address}' is not valid.`);
  const top = Number(m[2]) - 1;
  const left = colIndex(m[1]);
  return { top, left, bottom: m[4] ? Number(m[4]) - 1 : top, right: m[3] ? colIndex(m[3]) : left };
}

function boxAddress(sheet: string, b: Box): string {
  const a = `${columnLetter(b.left)}${b.top + 1}`;
  const z = `${columnLetter(b.right)}${b.bottom + 1}`;
  const name = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${a === z ? a : `${a}:${z}`}`;
}

/** Roughly what Excel shows for a cell, for the number formats the seeds use. */
export function displayText(c: FakeCell | undefined): string {
  if (!c || c.value === null) return c?.error ?? "";
  const v = c.value;
  if (typeof v === "object") return "";
  if (typeof v !== "number") return String(v);
  const f = c.numberFormat;
  const d = /\.(0+)/.exec(f)?.[1].length ?? 0;
  if (/%/.test(f)) return `${(v * 100).toFixed(d)}%`;
  if (/^mmm/i.test(f)) {
    const dt = new Date(Math.round((v - 25569) * 86400000));
    return `${MONTH.format(dt)} ${String(dt.getUTCFullYear() % 100).padStart(2, "0")}`;
  }
  if (/#,##0/.test(f)) return grouped(d).format(v);
  return String(v);
}

// Formatters made once: toLocaleString builds one per call, which dominates reading a large sheet.
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const GROUPED = new Map<number, Intl.NumberFormat>();
function grouped(d: number): Intl.NumberFormat {
  let f = GROUPED.get(d);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });
    GROUPED.set(d, f);
  }
  return f;
}

export function newSheet(name: string): FakeSheet {
  return {
    name,
    cells: new Map(),
    formats: new Map(),
    merges: [],
    rowHeights: new Map(),
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    footer: {},
    hiddenRows: new Set(),
    showGridlines: true,
    conditional: [],
    autofit: [],
    charts: [],
  };
}

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  active = 0;
  selection?: { sheet: string; address: string };
  calculationSuspended = false;
  /** Review > Protect Workbook (structure): no sheet may be added, deleted or renamed. */
  protectedStructure = false;
  /** The user is typing in a cell: Excel refuses every batch until they finish. */
  cellEditMode = false;
  /** workbook.customXmlParts: parts stored in the workbook package. */
  xmlParts: FakeXmlPart[] = [];
  private nextPartId = 1;
  newPartId(): string {
    return `{B2C3D4E5-0000-4000-8000-${String(this.nextPartId++).padStart(12, "0")}}`;
  }
  /** Sheets by id, so that a sheet keeps its identity when renamed. */
  private nextId = 1;
  readonly ids = new WeakMap<FakeSheet, string>();

  /** Excel finds sheets by name without regard to case, or by id. */
  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || this.ids.get(s) === name);
  }

  idOf(s: FakeSheet): string {
    let id = this.ids.get(s);
    if (!id) {
      id = `{00000000-0000-0000-0000-${String(this.nextId++).padStart(12, "0")}}`;
      this.ids.set(s, id);
    }
    return id;
  }

  checkNewName(name: string, except?: FakeSheet): void {
    const bad = badSheetName(name);
    if (bad) throw new FakeOfficeError("InvalidArgument", `The argument is invalid: ${bad}.`);
    const other = this.sheet(name);
    if (other && other !== except)
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named '${other.name}' already exists.`);
  }

  checkStructure(): void {
    if (this.protectedStructure)
      throw new FakeOfficeError("AccessDenied", "The workbook structure is protected.");
  }

  addSheet(name: string): FakeSheet {
    this.checkNewName(name);
    const s = newSheet(name);
    this.idOf(s);
    this.sheets.push(s);
    return s;
  }

  /** Writes a value as Excel would when typed or set through range.values. */
  static write(sheet: FakeSheet, r: number, c: number, v: unknown): void {
    const k = key(r, c);
    const cell = sheet.cells.get(k) ?? { value: null, numberFormat: "General" };
    if (v === "" || v === null || v === undefined) cell.value = null;
    else if (typeof v === "string" && cell.numberFormat !== "@") {
      // Without the text format Excel turns "=..." into a formula and "2.10" into the number 2.1.
      if (/^[=+\-@]/.test(v) && v.length > 1 && !/^[-+]?\d/.test(v)) cell.value = { formula: v };
      else if (/^[-+]?\d+(\.\d+)?$/.test(v.trim())) cell.value = Number(v);
      else cell.value = v;
    } else cell.value = v as FakeCell["value"];
    sheet.cells.set(k, cell);
  }
}

type Op = () => void;

/** Bytes of a value as JSON carries it (strings counted in UTF-16 units, near enough for a limit). */
export function jsonBytes(v: unknown): number {
  return JSON.stringify(v)?.length ?? 0;
}

export class FakeContext {
  readonly counters: Counters = { syncs: 0, calls: 0, formatCalls: 0, chartCalls: 0, payloads: [] };
  private queue: Op[] = [];
  private requestBytes = 0;
  private responseBytes = 0;
  readonly workbook: FakeWorkbook;
  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new FakeWorkbook(this);
  }
  /** Every queued call costs its arguments in the request; about 60 bytes for the call itself. */
  enqueue(op: Op, argumentBytes = 0): void {
    this.counters.calls++;
    this.requestBytes += 60 + argumentBytes;
    this.queue.push(op);
  }
  /** A load adds what it returns to this sync's response. */
  respond(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }
  /**
   * Sheets added by the request being run. Excel on the web refuses to rename one of them in the same
   * request ("Invalid Sheet. The worksheet that you requested does not exist in the workbook", office-js
   * issue 3218) and does not activate it the first time (issue 930).
   */
  readonly addedThisRequest = new Set<FakeSheet>();
  async sync(): Promise<void> {
    this.counters.syncs++;
    this.addedThisRequest.clear();
    const ops = this.queue;
    const request = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.counters.payloads.push({ request, response: 0 });
    if (this.model.cellEditMode)
      throw new FakeOfficeError(
        "InvalidOperationInCellEditMode",
        "The operation isn't available while a cell is being edited.",
      );
    if (request > PAYLOAD_LIMIT)
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${request} bytes) has exceeded the limit.`,
      );
    try {
      // As in Office.js, the first failing operation fails the batch and the rest is not run.
      for (const op of ops) op();
    } finally {
      this.model.calculationSuspended = false;
      this.counters.payloads[this.counters.payloads.length - 1].response = this.responseBytes;
    }
    if (this.responseBytes > PAYLOAD_LIMIT)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`,
      );
  }
}

/** Base for proxies: loaded properties are readable only after the sync that loaded them. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  protected nullObject: boolean | undefined;
  constructor(protected readonly ctx: FakeContext) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new PropertyNotLoaded(prop);
    return this.loaded.get(prop) as T;
  }
  get isNullObject(): boolean {
    if (this.nullObject === undefined) throw new PropertyNotLoaded("isNullObject");
    return this.nullObject;
  }
}

function propsOf(p: string | string[] | undefined): string[] {
  if (p === undefined) return [];
  return (Array.isArray(p) ? p : p.split(",")).map((s) => s.trim()).filter(Boolean);
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly application: FakeApplication;
  readonly protection: FakeProtection;
  readonly customXmlParts: FakeXmlPartCollection;
  constructor(ctx: FakeContext) {
    this.customXmlParts = new FakeXmlPartCollection(
      ctx,
      () => ctx.model.xmlParts,
      () => true,
      () => ctx.model.newPartId(),
    );
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
    this.protection = new FakeProtection(ctx, () => ctx.model.protectedStructure);
  }
}

/** WorkbookProtection and WorksheetProtection: only `protected`, loaded like any property. */
export class FakeProtection extends Proxy {
  constructor(
    ctx: FakeContext,
    private readonly state: () => boolean,
  ) {
    super(ctx);
  }
  load(_props?: string | string[]): this {
    this.ctx.enqueue(() => {
      const v = this.state();
      this.ctx.respond(v);
      this.loaded.set("protected", v);
    });
    return this;
  }
  get protected(): boolean {
    return this.read("protected");
  }
}

export class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(() => {
      this.ctx.model.calculationSuspended = true;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue(() => undefined);
  }
}

export class FakeWorksheetCollection extends Proxy {
  private itemsValue: FakeWorksheet[] | undefined;
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    this.ctx.enqueue(() => {
      if (wanted.some((p) => p.startsWith("items"))) {
        this.itemsValue = this.ctx.model.sheets.map((s) => {
          const ws = new FakeWorksheet(this.ctx, () => s);
          ws.settle(
            wanted.some((p) => p === "items/visibility")
              ? ["name", "id", "position", "visibility"]
              : ["name", "id", "position"],
          );
          return ws;
        });
        this.ctx.respond(this.itemsValue.map((w) => w.name));
      }
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsValue) throw new PropertyNotLoaded("items");
    return this.itemsValue;
  }
  getItem(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheet(name);
      if (!s)
        throw new FakeOfficeError(
          "ItemNotFound",
          `The requested resource doesn't exist: the sheet '${name}'.`,
        );
      return s;
    });
    this.ctx.enqueue(() => ws.bind());
    return ws;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.model.sheet(name) ?? null);
    this.ctx.enqueue(() => ws.bind());
    return ws;
  }
  getActiveWorksheet(): FakeWorksheet {
    const ws = new FakeWorksheet(this.ctx, () => this.ctx.model.sheets[this.ctx.model.active]);
    this.ctx.enqueue(() => ws.bind());
    return ws;
  }
  add(name: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    const ws = new FakeWorksheet(this.ctx, () => {
      this.ctx.model.checkStructure();
      if (!made) {
        made = this.ctx.model.addSheet(name);
        this.ctx.addedThisRequest.add(made);
      }
      return made;
    });
    this.ctx.enqueue(() => ws.bind());
    return ws;
  }
}

export class FakeWorksheet extends Proxy {
  private target: FakeSheet | null | undefined;
  readonly freezePanes: {
    freezeAt: (r: FakeRange | string) => void;
    freezeRows: (n?: number) => void;
    freezeColumns: (n?: number) => void;
    unfreeze: () => void;
  };
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: { add: (at: string) => object; removePageBreaks: () => void };
  constructor(
    ctx: FakeContext,
    private readonly resolver: () => FakeSheet | null,
  ) {
    super(ctx);
    this.horizontalPageBreaks = {
      // Returns the PageBreak, as Office.js does; nothing is read from it.
      add: (at) => {
        this.ctx.enqueue(() => {
          const s = this.sheet();
          s.pageBreaks = [...(s.pageBreaks ?? []), Number(/\d+/.exec(at)?.[0])];
        });
        return {};
      },
      removePageBreaks: () =>
        this.ctx.enqueue(() => {
          this.sheet().pageBreaks = [];
        }),
    };
    this.freezePanes = {
      freezeAt: (r) =>
        this.ctx.enqueue(() => {
          // Panes belong to the sheet, not to its name: kept without one, as a rename does not move them.
          this.sheet().frozen =
            typeof r === "string" ? r : boxAddress(this.sheet().name, r.box()).split("!")[1];
        }),
      freezeRows: (n = 1) =>
        this.ctx.enqueue(() => {
          this.sheet().frozen = `A1:${columnLetter(16383)}${n}`;
        }),
      freezeColumns: (n = 1) =>
        this.ctx.enqueue(() => {
          this.sheet().frozen = `A1:${columnLetter(n - 1)}1048576`;
        }),
      unfreeze: () =>
        this.ctx.enqueue(() => {
          this.sheet().frozen = undefined;
        }),
    };
    this.pageLayout = new FakePageLayout(ctx, () => this.sheet());
    this.charts = new FakeChartCollection(ctx, () => this.sheet());
  }
  readonly charts: FakeChartCollection;
  bind(): void {
    if (this.target === undefined) this.target = this.resolver();
    this.nullObject = this.target === null;
  }
  sheet(): FakeSheet {
    this.bind();
    if (!this.target) throw new FakeOfficeError("InvalidObjectPath", "A method was called on a null object.");
    return this.target;
  }
  settle(props: string[]): void {
    this.bind();
    const t = this.target;
    for (const p of props) {
      if (p === "name") this.loaded.set("name", t ? t.name : null);
      if (p === "id") this.loaded.set("id", t ? this.ctx.model.idOf(t) : null);
      if (p === "position") this.loaded.set("position", t ? this.ctx.model.sheets.indexOf(t) : null);
      if (p === "protection/protected") this.loaded.set("protection", { protected: t?.protected === true });
      if (p === "visibility") this.loaded.set("visibility", t ? (t.visibility ?? "Visible") : null);
    }
  }
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    this.ctx.enqueue(() => this.settle(wanted));
    return this;
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      this.ctx.model.checkStructure();
      if (this.ctx.addedThisRequest.has(s))
        throw new FakeOfficeError(
          "ItemNotFound",
          "Invalid Sheet. The worksheet that you requested does not exist in the workbook (a sheet renamed in the request that added it, on Excel on the web).",
        );
      this.ctx.model.checkNewName(v, s);
      s.name = v;
    }, v.length);
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set position(v: number) {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      const sheets = this.ctx.model.sheets.filter((x) => x !== s);
      sheets.splice(Math.max(0, Math.min(v, sheets.length)), 0, s);
      this.ctx.model.sheets = sheets;
    });
  }
  /** Loaded through load("protection/protected"), or a proxy of its own to load. */
  get protection(): FakeProtection | { protected: boolean } {
    const loaded = this.loaded.get("protection") as { protected: boolean } | undefined;
    return loaded ?? new FakeProtection(this.ctx, () => this.sheet().protected === true);
  }
  set showGridlines(v: boolean) {
    this.ctx.enqueue(() => {
      this.sheet().showGridlines = v;
    });
  }
  set tabColor(v: string) {
    this.ctx.enqueue(() => {
      this.sheet().tabColor = v;
    });
  }
  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      // Excel on the web does not activate a sheet added in the same request the first time.
      if (this.ctx.addedThisRequest.has(s)) return;
      this.ctx.model.active = this.ctx.model.sheets.indexOf(s);
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.model.checkStructure();
      const s = this.sheet();
      const active = this.ctx.model.sheets[this.ctx.model.active];
      this.ctx.model.sheets = this.ctx.model.sheets.filter((x) => x !== s);
      this.ctx.model.active = Math.max(0, this.ctx.model.sheets.indexOf(active));
    });
  }
  getRange(address?: string): FakeRange {
    return this.range(() =>
      address === undefined ? { top: 0, left: 0, bottom: 1048575, right: 16383 } : parseA1(address),
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return this.range(() => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }
  getRanges(address: string): FakeRangeAreas {
    const boxes = () => address.split(",").map((a) => parseA1(a.trim()));
    this.ctx.enqueue(() => undefined, address.length);
    return new FakeRangeAreas(this.ctx, () => this.sheet(), boxes);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range(() => usedBox(this.sheet(), ALL, valuesOnly === true));
  }
  private range(box: () => Box | null): FakeRange {
    const r = new FakeRange(this.ctx, () => this.sheet(), box);
    this.ctx.enqueue(() => r.bind());
    return r;
  }
}

export class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: { leftFooter: string; rightFooter: string } };
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {
    const footer = {} as { leftFooter: string; rightFooter: string; centerHeader: string };
    Object.defineProperty(footer, "leftFooter", {
      set: (v: string) => this.ctx.enqueue(() => void (this.sheet().footer.left = v)),
    });
    Object.defineProperty(footer, "rightFooter", {
      set: (v: string) => this.ctx.enqueue(() => void (this.sheet().footer.right = v)),
    });
    Object.defineProperty(footer, "centerHeader", {
      set: (v: string) => this.ctx.enqueue(() => void (this.sheet().footer.header = v)),
    });
    this.headersFooters = { defaultForAllPages: footer };
  }
  set orientation(v: string) {
    this.ctx.enqueue(() => void (this.sheet().orientation = v));
  }
  set paperSize(_v: string) {
    this.ctx.enqueue(() => undefined);
  }
  set zoom(_v: unknown) {
    this.ctx.enqueue(() => undefined);
  }
  // Margins, in points: accepted and not modelled.
  set leftMargin(_v: number) {
    this.ctx.enqueue(() => undefined);
  }
  set rightMargin(_v: number) {
    this.ctx.enqueue(() => undefined);
  }
  set topMargin(_v: number) {
    this.ctx.enqueue(() => undefined);
  }
  set bottomMargin(_v: number) {
    this.ctx.enqueue(() => undefined);
  }
  set headerMargin(_v: number) {
    this.ctx.enqueue(() => undefined);
  }
  set footerMargin(_v: number) {
    this.ctx.enqueue(() => undefined);
  }
  setPrintTitleRows(v: string): void {
    this.ctx.enqueue(() => void (this.sheet().printTitles = v));
  }
  setPrintArea(v: string): void {
    this.ctx.enqueue(() => void (this.sheet().printArea = v));
  }
}

/** Format setters shared by ranges and range areas; each set is one counted formatting call. */
/** Excel wants a 2-D array of exactly the range's rows and columns for values and number formats. */
function checkShape(v: unknown[][], b: Box): void {
  if (
    !Array.isArray(v) ||
    v.length !== b.bottom - b.top + 1 ||
    v.some((row) => !Array.isArray(row) || row.length !== b.right - b.left + 1)
  )
    throw new FakeOfficeError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
}

class FakeRangeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: { color: string };
  readonly borders: { getItem: (edge: string) => { style: string; color: string } };
  constructor(
    private readonly ctx: FakeContext,
    private readonly each: (fn: (f: FakeFormat, r: number, c: number, sheet: FakeSheet) => void) => void,
    private readonly rows: (fn: (sheet: FakeSheet, r: number) => void) => void,
    private readonly cols: (fn: (sheet: FakeSheet, c: number) => void) => void,
  ) {
    const set = (fn: (f: FakeFormat) => void) => {
      this.ctx.counters.formatCalls++;
      this.ctx.enqueue(() => this.each((f, _r, _c, sheet) => fn((writable(sheet), f))));
    };
    const font: Record<string, unknown> = {};
    for (const p of ["name", "size", "bold", "italic", "color"]) {
      Object.defineProperty(font, p, { set: (v: unknown) => set((f) => void (f.font[p] = v)) });
    }
    this.font = font;
    const fill = {} as { color: string };
    Object.defineProperty(fill, "color", { set: (v: string) => set((f) => void (f.fill = v)) });
    this.fill = fill;
    this.borders = {
      getItem: () => {
        const b = {} as { style: string; color: string };
        Object.defineProperty(b, "style", { set: (v: string) => set((f) => void (f.borders = v)) });
        Object.defineProperty(b, "color", { set: () => set(() => undefined) });
        return b;
      },
    };
  }
  private setFormat(fn: (f: FakeFormat) => void): void {
    this.ctx.counters.formatCalls++;
    this.ctx.enqueue(() => this.each((f, _r, _c, sheet) => fn((writable(sheet), f))));
  }
  set horizontalAlignment(v: string) {
    this.setFormat((f) => void (f.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.setFormat((f) => void (f.vAlign = v));
  }
  set wrapText(v: boolean) {
    this.setFormat((f) => void (f.wrap = v));
  }
  set indentLevel(_v: number) {
    this.setFormat(() => undefined);
  }
  set rowHeight(v: number) {
    this.ctx.counters.formatCalls++;
    this.ctx.enqueue(() => {
      if (!(v >= 0 && v <= MAX_ROW_HEIGHT))
        throw new FakeOfficeError(
          "InvalidArgument",
          `A row height must be 0 to ${MAX_ROW_HEIGHT} points, not ${v}.`,
        );
      this.rows((s, r) => void writable(s).rowHeights.set(r, v));
    });
  }
  autofitRows(): void {
    this.ctx.counters.formatCalls++;
    this.ctx.enqueue(() => this.rows((s, r) => void s.rowHeights.set(r, -1)));
  }
  set columnWidth(v: number) {
    this.ctx.counters.formatCalls++;
    this.ctx.enqueue(() => this.cols((s, c) => void writable(s).columnWidths.set(c, v)));
  }
}

const ALL: Box = { top: 0, left: 0, bottom: 1048575, right: 16383 };

/** The used part of a box: cells with a value (or, without valuesOnly, a format). */
function usedBox(sheet: FakeSheet, within: Box, valuesOnly: boolean): Box | null {
  let b: Box | null = null;
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && cell.value === null && !cell.error) continue;
    if (!valuesOnly && cell.value === null && !cell.error && cell.numberFormat === "General") continue;
    const [r, c] = k.split(",").map(Number);
    if (r < within.top || r > within.bottom || c < within.left || c > within.right) continue;
    b = b
      ? {
          top: Math.min(b.top, r),
          left: Math.min(b.left, c),
          bottom: Math.max(b.bottom, r),
          right: Math.max(b.right, c),
        }
      : { top: r, left: c, bottom: r, right: c };
  }
  return b;
}

function writable(sheet: FakeSheet): FakeSheet {
  if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The sheet '${sheet.name}' is protected.`);
  return sheet;
}

function cellFormat(sheet: FakeSheet, r: number, c: number): FakeFormat {
  const k = key(r, c);
  let f = sheet.formats.get(k);
  if (!f) {
    f = { font: {} };
    sheet.formats.set(k, f);
  }
  return f;
}

/** Whole-row or whole-column boxes would be a million cells: clip them to where cells exist. */
function clip(sheet: FakeSheet, b: Box): Box {
  let maxR = 0;
  let maxC = 0;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, c);
  }
  return {
    top: b.top,
    left: b.left,
    bottom: Math.min(b.bottom, maxR + 1),
    right: Math.min(b.right, maxC + 1),
  };
}

export class FakeRange extends Proxy {
  private boxValue: Box | null | undefined;
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeContext,
    readonly sheetOf: () => FakeSheet,
    private readonly resolver: () => Box | null,
  ) {
    super(ctx);
    const every = (fn: (f: FakeFormat, r: number, c: number, s: FakeSheet) => void) => {
      const s = this.sheetOf();
      const b = clip(s, this.box());
      for (let r = b.top; r <= b.bottom; r++)
        for (let c = b.left; c <= b.right; c++) fn(cellFormat(s, r, c), r, c, s);
    };
    this.format = new FakeRangeFormat(
      ctx,
      every,
      (fn) => {
        const b = this.box();
        for (let r = b.top; r <= Math.min(b.bottom, b.top + 100000); r++) fn(this.sheetOf(), r);
      },
      (fn) => {
        const b = this.box();
        for (let c = b.left; c <= Math.min(b.right, 16383); c++) fn(this.sheetOf(), c);
      },
    );
  }
  bind(): void {
    if (this.boxValue === undefined) this.boxValue = this.resolver();
    this.nullObject = this.boxValue === null;
  }
  box(): Box {
    this.bind();
    if (!this.boxValue) throw new Error("The range is a null object");
    return this.boxValue;
  }
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    this.ctx.enqueue(() => {
      this.bind();
      if (!this.boxValue) return;
      const b = this.boxValue;
      const s = this.sheetOf();
      const grid = <T>(fn: (cell: FakeCell | undefined) => T): T[][] => {
        const out: T[][] = [];
        for (let r = b.top; r <= b.bottom; r++) {
          const row: T[] = [];
          for (let c = b.left; c <= b.right; c++) row.push(fn(s.cells.get(key(r, c))));
          out.push(row);
        }
        return out;
      };
      for (const p of wanted) {
        if (p === "values")
          this.loaded.set(
            p,
            grid((c) =>
              c?.error ? c.error : c?.value && typeof c.value === "object" ? 0 : (c?.value ?? ""),
            ),
          );
        else if (p === "text")
          this.loaded.set(
            p,
            grid((c) => displayText(c)),
          );
        else if (p === "numberFormat")
          this.loaded.set(
            p,
            grid((c) => c?.numberFormat ?? "General"),
          );
        else if (p === "valueTypes")
          this.loaded.set(
            p,
            grid((c) =>
              c?.error
                ? "Error"
                : c?.value === null || c?.value === undefined
                  ? "Empty"
                  : typeof c.value === "number"
                    ? "Double"
                    : typeof c.value === "boolean"
                      ? "Boolean"
                      : "String",
            ),
          );
        else if (p === "rowIndex") this.loaded.set(p, b.top);
        else if (p === "columnIndex") this.loaded.set(p, b.left);
        else if (p === "rowCount") this.loaded.set(p, b.bottom - b.top + 1);
        else if (p === "columnCount") this.loaded.set(p, b.right - b.left + 1);
        else if (p === "address") this.loaded.set(p, boxAddress(s.name, b));
        else throw new Error(`The fake does not support loading '${p}'`);
        this.ctx.respond(this.loaded.get(p));
      }
    });
    return this;
  }
  /** Client-side in Office.js (no reference kept); nothing to do here. */
  untrack(): this {
    return this;
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const b = this.box();
      checkShape(v, b);
      const s = writable(this.sheetOf());
      for (const row of v)
        for (const x of row)
          if (typeof x === "string" && x.length > MAX_CELL_CHARS)
            throw new FakeOfficeError(
              "InvalidArgument",
              `A cell holds at most ${MAX_CELL_CHARS} characters, not ${x.length}.`,
            );
      v.forEach((row, i) => row.forEach((x, j) => FakeWorkbookModel.write(s, b.top + i, b.left + j, x)));
    }, jsonBytes(v));
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const b = this.box();
      checkShape(v, b);
      const s = writable(this.sheetOf());
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const k = key(b.top + i, b.left + j);
          const cell = s.cells.get(k) ?? { value: null, numberFormat: "General" };
          cell.numberFormat = String(x);
          s.cells.set(k, cell);
        }),
      );
    }, jsonBytes(v));
  }
  set rowHidden(v: boolean) {
    this.ctx.enqueue(() => {
      const b = this.box();
      const s = writable(this.sheetOf());
      for (let r = b.top; r <= Math.min(b.bottom, b.top + 100000); r++) {
        if (v) s.hiddenRows.add(r);
        else s.hiddenRows.delete(r);
      }
    });
  }
  /** A row of this range (Office.js cuts large writes into row blocks with getRow and getBoundingRect). */
  getRow(row: number): FakeRange {
    const r = new FakeRange(this.ctx, this.sheetOf, () => {
      const b = this.box();
      if (row < 0 || b.top + row > b.bottom)
        throw new FakeOfficeError("InvalidArgument", `Row ${row} is outside the range.`);
      return { top: b.top + row, bottom: b.top + row, left: b.left, right: b.right };
    });
    this.ctx.enqueue(() => r.bind());
    return r;
  }
  /** The smallest range that holds this one and another on the same sheet. */
  getBoundingRect(other: FakeRange): FakeRange {
    const r = new FakeRange(this.ctx, this.sheetOf, () => {
      if (other.sheetOf() !== this.sheetOf())
        throw new FakeOfficeError("InvalidArgument", "The ranges are on different sheets.");
      const a = this.box();
      const b = other.box();
      return {
        top: Math.min(a.top, b.top),
        left: Math.min(a.left, b.left),
        bottom: Math.max(a.bottom, b.bottom),
        right: Math.max(a.right, b.right),
      };
    });
    this.ctx.enqueue(() => r.bind());
    return r;
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const r = new FakeRange(this.ctx, this.sheetOf, () =>
      usedBox(this.sheetOf(), this.box(), valuesOnly === true),
    );
    this.ctx.enqueue(() => r.bind());
    return r;
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get address(): string {
    return this.read("address");
  }
  set columnHidden(v: boolean) {
    this.ctx.enqueue(() => {
      const b = this.box();
      const s = writable(this.sheetOf());
      if (b.right - b.left > 1000) {
        if (!v) s.hiddenColumns.clear();
        return;
      }
      for (let c = b.left; c <= b.right; c++) {
        if (v) s.hiddenColumns.add(c);
        else s.hiddenColumns.delete(c);
      }
    });
  }
  merge(across?: boolean): void {
    this.ctx.counters.formatCalls++;
    this.ctx.enqueue(() => {
      const b = this.box();
      const s = writable(this.sheetOf());
      if (across)
        for (let r = b.top; r <= b.bottom; r++)
          s.merges.push({ top: r, bottom: r, left: b.left, right: b.right });
      else s.merges.push({ ...b });
    });
  }
  unmerge(): void {
    this.ctx.enqueue(() => {
      const b = this.box();
      const s = this.sheetOf();
      s.merges = s.merges.filter(
        (m) => m.bottom < b.top || m.top > b.bottom || m.right < b.left || m.left > b.right,
      );
    });
  }
  clear(_what?: string): void {
    this.ctx.enqueue(() => {
      const b = this.box();
      const s = writable(this.sheetOf());
      for (const k of [...s.cells.keys()]) {
        const [r, c] = k.split(",").map(Number);
        if (r >= b.top && r <= b.bottom && c >= b.left && c <= b.right) {
          s.cells.delete(k);
          s.formats.delete(k);
        }
      }
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      if (this.ctx.model.sheets[this.ctx.model.active] !== s) {
        throw new FakeOfficeError(
          "InvalidSelection",
          "The range cannot be selected on a sheet that is not active.",
        );
      }
      this.ctx.model.selection = { sheet: s.name, address: boxAddress(s.name, this.box()).split("!")[1] };
    });
  }
  get conditionalFormats(): { add: (type: string) => FakeConditionalFormat } {
    return {
      add: (type: string) => {
        if (type !== "ContainsText")
          throw new Error(`The fake supports only ContainsText conditional formats, not ${type}`);
        this.ctx.counters.formatCalls++;
        const cf = new FakeConditionalFormat(this.ctx);
        this.ctx.enqueue(() => {
          const s = this.sheetOf();
          s.conditional.push(cf.bind(boxAddress(s.name, this.box())));
        });
        return cf;
      },
    };
  }
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.ctx, this.sheetOf, () => {
      const b = this.box();
      const found = this.sheetOf().merges.filter(
        (m) => m.top >= b.top && m.bottom <= b.bottom && m.left >= b.left && m.right <= b.right,
      );
      if (found.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError(
          "GeneralException",
          `The range has ${found.length} merged areas; getMergedAreasOrNullObject fails over ${MAX_MERGED_AREAS}.`,
        );
      return found;
    });
    this.ctx.counters.calls++;
    return areas;
  }
}

/** A ContainsText conditional format; its rule and format settle when the queue runs. */
export class FakeConditionalFormat {
  private readonly entry: FakeSheet["conditional"][number] = { address: "", contains: "" };
  readonly textComparison: {
    rule: { operator: string; text: string };
    format: { fill: { color: string }; font: { color: string; bold: boolean } };
  };
  constructor(private readonly ctx: FakeContext) {
    const e = this.entry;
    const set = (fn: () => void) => {
      this.ctx.counters.formatCalls++;
      this.ctx.enqueue(fn);
    };
    const fill = {} as { color: string };
    Object.defineProperty(fill, "color", { set: (v: string) => set(() => void (e.fill = v)) });
    const font = {} as { color: string; bold: boolean };
    Object.defineProperty(font, "color", { set: (v: string) => set(() => void (e.color = v)) });
    Object.defineProperty(font, "bold", { set: (v: boolean) => set(() => void (e.bold = v)) });
    const tc = { format: { fill, font } } as FakeConditionalFormat["textComparison"];
    Object.defineProperty(tc, "rule", {
      set: (v: { operator: string; text: string }) => set(() => void (e.contains = v.text)),
    });
    this.textComparison = tc;
  }
  bind(address: string): FakeSheet["conditional"][number] {
    this.entry.address = address;
    return this.entry;
  }
}

export class FakeRangeAreas extends Proxy {
  readonly format: FakeRangeFormat;
  constructor(
    ctx: FakeContext,
    private readonly sheetOf: () => FakeSheet,
    private readonly boxes: () => Box[],
  ) {
    super(ctx);
    this.format = new FakeRangeFormat(
      ctx,
      (fn) => {
        const s = this.sheetOf();
        for (const b of this.boxes())
          for (let r = b.top; r <= b.bottom; r++)
            for (let c = b.left; c <= b.right; c++) fn(cellFormat(s, r, c), r, c, s);
      },
      (fn) => {
        for (const b of this.boxes()) for (let r = b.top; r <= b.bottom; r++) fn(this.sheetOf(), r);
      },
      (fn) => {
        for (const b of this.boxes()) for (let c = b.left; c <= b.right; c++) fn(this.sheetOf(), c);
      },
    );
  }
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    this.ctx.enqueue(() => {
      const boxes = this.boxes();
      this.nullObject = boxes.length === 0;
      if (wanted.includes("address")) {
        this.loaded.set("address", boxes.map((b) => boxAddress(this.sheetOf().name, b)).join(", "));
        this.ctx.respond(this.loaded.get("address"));
      }
      if (wanted.includes("areaCount")) this.loaded.set("areaCount", boxes.length);
    });
    return this;
  }
  untrack(): this {
    return this;
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
}

/** Office.context.document.settings, as a bag kept with the model. */
export class FakeSettingsBag {
  private store = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  saves = 0;
  /** Set to make saveAsync fail, as it does when the document is read-only or the host is busy. */
  failWith?: string;
  get(name: string): unknown {
    return this.saved.has(name) ? this.saved.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.store.set(name, value);
  }
  remove(name: string): void {
    this.store.delete(name);
  }
  saveAsync(cb?: (r: { status: string; error?: { code?: number; message: string } }) => void): void {
    this.saves++;
    if (this.failWith) {
      cb?.({ status: "failed", error: { message: this.failWith } });
      return;
    }
    // Office.Settings: "A maximum of 32KB is available for the settings of each add-in. An error with
    // code 9057 is thrown if you exceed this limit." Counted as the bag serialises: each value as JSON.
    const size = [...this.store].reduce((n, [k, v]) => n + k.length + jsonBytes(v), 0);
    if (size > SETTINGS_LIMIT) {
      cb?.({ status: "failed", error: { code: 9057, message: "The settings exceed the 32 KB limit." } });
      return;
    }
    for (const [k, v] of this.store) this.saved.set(k, v);
    cb?.({ status: "succeeded" });
  }
}

/** Loads plain cells into a sheet of the model, for tests and the browser fixture. */
export function fillSheet(
  sheet: FakeSheet,
  cells: { r: number; c: number; value: FakeCell["value"]; numberFormat?: string; error?: string }[],
  merges: Box[] = [],
): void {
  for (const x of cells)
    sheet.cells.set(key(x.r, x.c), {
      value: x.value,
      numberFormat: x.numberFormat ?? "General",
      error: x.error,
    });
  sheet.merges.push(...merges);
}

/** A workbook of one sheet holding a grid's plain values and number formats (rich values left blank). */
export function modelOfGrid(grid: Grid): FakeWorkbookModel {
  const m = new FakeWorkbookModel();
  fillSheet(
    m.addSheet(grid.sheet),
    grid.rows.flatMap((row, r) =>
      row.map((c, col) => ({
        r,
        c: col,
        value: typeof c.value === "object" && c.value !== null ? null : c.value,
        numberFormat: c.format,
      })),
    ),
  );
  return m;
}

/** What a sheet now holds, as plain values, for assertions. */
export function sheetValues(sheet: FakeSheet): FakeCell["value"][][] {
  let maxR = -1;
  let maxC = -1;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(",").map(Number);
    if (sheet.cells.get(k)?.value !== null) {
      maxR = Math.max(maxR, r);
      maxC = Math.max(maxC, c);
    }
  }
  const out: FakeCell["value"][][] = [];
  for (let r = 0; r <= maxR; r++) {
    const row: FakeCell["value"][] = [];
    for (let c = 0; c <= maxC; c++) row.push(sheet.cells.get(key(r, c))?.value ?? null);
    out.push(row);
  }
  return out;
}
