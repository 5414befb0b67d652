/**
 * A small, strict fake of the Excel JavaScript API subset the Office host uses. It behaves like
 * Office.js where bugs hide: proxies are returned at once, writes and loads are queued and happen at
 * context.sync(), reading a property that was not loaded (or before the sync) throws, and every sync
 * and proxy call is counted. It runs in jest and, bundled, in the browser for end-to-end tests.
 */

import { columnLetter } from "../../src/engine/grid";

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
}

export interface Counters {
  syncs: number;
  calls: number;
  formatCalls: number;
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

interface Box {
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
  if (!m) throw new Error(`InvalidArgument: the address '${address}' is not valid`);
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
    return `${dt.toLocaleString("en-GB", { month: "short", timeZone: "UTC" })} ${String(dt.getUTCFullYear() % 100).padStart(2, "0")}`;
  }
  if (/#,##0/.test(f))
    return v.toLocaleString("en-GB", { minimumFractionDigits: d, maximumFractionDigits: d });
  return String(v);
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
    showGridlines: true,
    conditional: [],
    autofit: [],
  };
}

export class FakeWorkbookModel {
  sheets: FakeSheet[] = [];
  active = 0;
  selection?: { sheet: string; address: string };
  calculationSuspended = false;

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: a sheet named '${name}' exists`);
    const s = newSheet(name);
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

export class FakeContext {
  readonly counters: Counters = { syncs: 0, calls: 0, formatCalls: 0 };
  private queue: Op[] = [];
  readonly workbook: FakeWorkbook;
  constructor(readonly model: FakeWorkbookModel) {
    this.workbook = new FakeWorkbook(this);
  }
  enqueue(op: Op): void {
    this.counters.calls++;
    this.queue.push(op);
  }
  async sync(): Promise<void> {
    this.counters.syncs++;
    const ops = this.queue;
    this.queue = [];
    // As in Office.js, the first failing operation fails the batch and the rest is not run.
    for (const op of ops) op();
    this.model.calculationSuspended = false;
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
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.application = new FakeApplication(ctx);
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
          ws.settle(["name"]);
          return ws;
        });
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
      if (!made) made = this.ctx.model.addSheet(name);
      return made;
    });
    this.ctx.enqueue(() => ws.bind());
    return ws;
  }
}

export class FakeWorksheet extends Proxy {
  private target: FakeSheet | null | undefined;
  readonly freezePanes: { freezeAt: (r: FakeRange | string) => void; unfreeze: () => void };
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: { add: (at: string) => void; removePageBreaks: () => void };
  constructor(
    ctx: FakeContext,
    private readonly resolver: () => FakeSheet | null,
  ) {
    super(ctx);
    this.horizontalPageBreaks = {
      add: (at) =>
        this.ctx.enqueue(() => {
          const s = this.sheet();
          s.pageBreaks = [...(s.pageBreaks ?? []), Number(/\d+/.exec(at)?.[0])];
        }),
      removePageBreaks: () =>
        this.ctx.enqueue(() => {
          this.sheet().pageBreaks = [];
        }),
    };
    this.freezePanes = {
      freezeAt: (r) =>
        this.ctx.enqueue(() => {
          this.sheet().frozen = typeof r === "string" ? r : boxAddress(this.sheet().name, r.box());
        }),
      unfreeze: () =>
        this.ctx.enqueue(() => {
          this.sheet().frozen = undefined;
        }),
    };
    this.pageLayout = new FakePageLayout(ctx, () => this.sheet());
  }
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
    for (const p of props) if (p === "name") this.loaded.set("name", this.target ? this.target.name : null);
  }
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    this.ctx.enqueue(() => this.settle(wanted));
    return this;
  }
  get name(): string {
    return this.read("name");
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
      this.ctx.model.active = this.ctx.model.sheets.indexOf(this.sheet());
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.model.sheets = this.ctx.model.sheets.filter((s) => s !== this.sheet());
      this.ctx.model.active = 0;
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
    this.ctx.counters.calls++;
    return new FakeRangeAreas(this.ctx, () => this.sheet(), boxes);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range(() => {
      let b: Box | null = null;
      for (const [k, cell] of this.sheet().cells) {
        if (valuesOnly && cell.value === null) continue;
        if (!valuesOnly && cell.value === null && cell.numberFormat === "General") continue;
        const [r, c] = k.split(",").map(Number);
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
    });
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
      this.ctx.enqueue(() => this.each((f) => fn(f)));
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
    this.ctx.enqueue(() => this.each((f) => fn(f)));
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
    this.ctx.enqueue(() => this.rows((s, r) => void s.rowHeights.set(r, v)));
  }
  autofitRows(): void {
    this.ctx.counters.formatCalls++;
    this.ctx.enqueue(() => this.rows((s, r) => void s.rowHeights.set(r, -1)));
  }
  set columnWidth(v: number) {
    this.ctx.counters.formatCalls++;
    this.ctx.enqueue(() => this.cols((s, c) => void s.columnWidths.set(c, v)));
  }
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
    private readonly sheetOf: () => FakeSheet,
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
      }
    });
    return this;
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const b = this.box();
      if (v.length !== b.bottom - b.top + 1 || v.some((row) => row.length !== b.right - b.left + 1)) {
        throw new Error(
          "InvalidArgument: the number of rows or columns in the input array doesn't match the size of the range",
        );
      }
      v.forEach((row, i) =>
        row.forEach((x, j) => FakeWorkbookModel.write(this.sheetOf(), b.top + i, b.left + j, x)),
      );
    });
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.ctx.enqueue(() => {
      const b = this.box();
      const s = this.sheetOf();
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          const k = key(b.top + i, b.left + j);
          const cell = s.cells.get(k) ?? { value: null, numberFormat: "General" };
          cell.numberFormat = String(x);
          s.cells.set(k, cell);
        }),
      );
    });
  }
  get valueTypes(): string[][] {
    return this.read("valueTypes");
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
      const s = this.sheetOf();
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
      const s = this.sheetOf();
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
      const s = this.sheetOf();
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
        throw new Error("InvalidSelection: the range cannot be selected on a sheet that is not active");
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
      return this.sheetOf().merges.filter(
        (m) => m.top >= b.top && m.bottom <= b.bottom && m.left >= b.left && m.right <= b.right,
      );
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
      if (wanted.includes("address"))
        this.loaded.set("address", boxes.map((b) => boxAddress(this.sheetOf().name, b)).join(", "));
    });
    return this;
  }
  get address(): string {
    return this.read("address");
  }
}

/** Office.context.document.settings, as a bag kept with the model. */
export class FakeSettingsBag {
  private store = new Map<string, unknown>();
  saved = new Map<string, unknown>();
  saves = 0;
  get(name: string): unknown {
    return this.saved.has(name) ? this.saved.get(name) : null;
  }
  set(name: string, value: unknown): void {
    this.store.set(name, value);
  }
  saveAsync(cb?: (r: { status: string }) => void): void {
    this.saves++;
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
