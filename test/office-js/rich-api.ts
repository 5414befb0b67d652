/**
 * Excel's side of a rich-API request, as Microsoft's own Office.js serialises it (excel-web-16.00.js,
 * ClientRequest and ObjectPathFactory): a JSON body of object paths (1 global object, 3 method, 4
 * property, 5 indexer, 6 reference id) and actions (1 instantiate, 2 query, 3 method, 4 set property).
 * Each request is run against the strict fake's model through the fake's own proxies, so every rule the
 * fake enforces (sheet names, protection, shapes, row heights, cell lengths, merged areas...) holds
 * here too; a member the fake does not model is refused rather than ignored.
 */
import {
  FakeContext,
  FakeOfficeError,
  FakeWorkbookModel,
  FakeWorksheet,
  FakeRange,
} from "../fake-excel/fake-excel";

export interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
}

export interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
  AutoKeepReference?: boolean;
}

export interface ActionResult {
  ActionId: number;
  Value: unknown;
}

export interface ResponseBody {
  Results: ActionResult[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; ActionIndex: number };
}

/** Calls made on objects the workbook does not hold (the add-in runtime's own services). */
export interface ServiceCall {
  service: string;
  method: string;
  args: unknown[];
}

type Obj = Record<string, unknown>;

/** Wire names that are not the JavaScript member's name in PascalCase (excel-web-16.00.js). */
const WIRE_NAMES: Record<string, string> = { Gridlines: "showGridlines" };
const camel = (s: string) => WIRE_NAMES[s] ?? s.charAt(0).toLowerCase() + s.slice(1);
const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A setter, wherever on the prototype chain: assigning a name the fake does not model must fail. */
function hasSetter(o: object, name: string): boolean {
  for (let p: object | null = o; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, name);
    if (d) return typeof d.set === "function";
  }
  return false;
}

function refuse(what: string): never {
  throw new FakeOfficeError("ApiNotFound", `The simulated Excel does not model ${what}.`);
}

/** One simulated workbook session: reference ids live as long as the workbook, as in Excel. */
export class RichApiHost {
  readonly ctx: FakeContext;
  private readonly references = new Map<string, unknown>();
  private nextReference = 1;
  readonly serviceCalls: ServiceCall[] = [];

  constructor(readonly model: FakeWorkbookModel) {
    this.ctx = new FakeContext(model);
  }

  /** Runs one request body and returns the response body Excel would send back. */
  async execute(body: RequestBody): Promise<ResponseBody> {
    const run = new RequestRun(this, body);
    return run.execute();
  }

  keep(obj: unknown): string {
    for (const [id, o] of this.references) if (o === obj) return id;
    const id = `ref:${this.nextReference++}`;
    this.references.set(id, obj);
    return id;
  }

  reference(id: string): unknown {
    if (!this.references.has(id))
      throw new FakeOfficeError(
        "InvalidObjectPath",
        `The reference '${id}' is not valid (removed or never made).`,
      );
    return this.references.get(id);
  }

  release(id: string): void {
    this.references.delete(id);
  }

  get referenceCount(): number {
    return this.references.size;
  }
}

/** A runtime service (AppRuntimePersistenceService and kin): its calls are recorded. */
class Service {
  constructor(
    readonly host: RichApiHost,
    readonly name: string,
  ) {}
}

interface Pending {
  actionIndex: number;
  finish: () => ActionResult | null;
}

class RequestRun {
  private readonly objects = new Map<number, unknown>();
  private readonly pending: Pending[] = [];
  private readonly kept = new Set<unknown>();

  constructor(
    private readonly host: RichApiHost,
    private readonly body: RequestBody,
  ) {}

  async execute(): Promise<ResponseBody> {
    let index = 0;
    try {
      for (; index < this.body.Actions.length; index++) this.queue(this.body.Actions[index], index);
    } catch (e) {
      // Refused while queuing (an unknown member): nothing of the batch runs, as Excel validates first.
      return this.failure(e, index);
    }
    try {
      await this.host.ctx.sync();
    } catch (e) {
      return this.failure(e, -1);
    }
    const results: ActionResult[] = [];
    for (const p of this.pending) {
      const r = p.finish();
      if (r) results.push(r);
    }
    return { Results: results };
  }

  private failure(e: unknown, actionIndex: number): ResponseBody {
    const code = e instanceof FakeOfficeError ? e.code : "GeneralException";
    const message = e instanceof Error ? e.message : String(e);
    return {
      Results: [],
      Error: { Code: code, Message: message, HttpStatusCode: 400, ActionIndex: actionIndex },
    };
  }

  private args(info: ActionInfo["ArgumentInfo"]): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((r, i) => {
      if (typeof r === "number" && r > 0) args[i] = this.resolve(r);
    });
    return args;
  }

  resolve(id: number): unknown {
    if (this.objects.has(id)) return this.objects.get(id);
    const p = this.body.ObjectPaths[String(id)];
    if (!p) throw new FakeOfficeError("InvalidObjectPath", `Object path ${id} is not in the request.`);
    const obj = this.materialise(p);
    this.objects.set(id, obj);
    return obj;
  }

  private parent(p: ObjectPathInfo): Obj {
    if (p.ParentObjectPathId === undefined) refuse(`object path ${p.Id} without a parent`);
    return this.resolve(p.ParentObjectPathId) as Obj;
  }

  private materialise(p: ObjectPathInfo): unknown {
    switch (p.ObjectPathType) {
      case 1:
        return this.host.ctx.workbook;
      case 2:
        return new Service(this.host, p.Name);
      case 3: {
        const made = this.call(this.parent(p), p.Name, this.args(p.ArgumentInfo));
        // An object path names an object: a method the fake models as returning nothing is not one.
        if (made === undefined || made === null) refuse(`the object ${p.Name} returns`);
        return made;
      }
      case 4: {
        const parent = this.parent(p);
        const value = parent[camel(p.Name)];
        if (value === undefined || value === null) refuse(`the property ${p.Name}`);
        return value;
      }
      case 5:
        return this.call(this.parent(p), "GetItem", this.args(p.ArgumentInfo));
      case 6:
        return this.host.reference(p.Name);
      default:
        return refuse(`object path type ${p.ObjectPathType}`);
    }
  }

  private call(target: unknown, name: string, args: unknown[]): unknown {
    if (target instanceof Service) {
      this.host.serviceCalls.push({ service: target.name, method: name, args });
      return undefined;
    }
    const o = target as Obj;
    const fn = o[camel(name)];
    if (typeof fn !== "function") refuse(`the method ${name}`);
    return (fn as (...a: unknown[]) => unknown).apply(o, args);
  }

  private queue(a: ActionInfo, index: number): void {
    const obj = this.resolve(a.ObjectPathId);
    switch (a.ActionType) {
      case 1:
        this.pending.push({ actionIndex: index, finish: () => this.instantiated(a, obj) });
        return;
      case 2:
        this.query(a, obj, index);
        return;
      case 3:
        this.method(a, obj, index);
        return;
      case 4: {
        const [value] = this.args(a.ArgumentInfo);
        const name = camel(a.Name);
        if (!hasSetter(obj as object, name)) refuse(`setting ${a.Name}`);
        (obj as Obj)[name] = value;
        return;
      }
      case 5:
        return;
      default:
        refuse(`action type ${a.ActionType}`);
    }
  }

  private method(a: ActionInfo, obj: unknown, index: number): void {
    const args = this.args(a.ArgumentInfo);
    if (a.Name === "_KeepReference") {
      this.kept.add(obj);
      return;
    }
    if (a.Name === "_RemoveReference") {
      this.host.release(String(args[0]));
      return;
    }
    if (a.Name === "_ValidateArraySize") {
      const range = obj as FakeRange;
      this.host.ctx.enqueue(() => {
        const b = range.box();
        if (b.bottom - b.top + 1 !== args[0] || b.right - b.left + 1 !== args[1])
          throw new FakeOfficeError(
            "InvalidArgument",
            "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          );
      });
      return;
    }
    const out = this.call(obj, a.Name, args);
    this.pending.push({
      actionIndex: index,
      finish: () => ({ ActionId: a.Id, Value: resultValue(out) }),
    });
  }

  private query(a: ActionInfo, obj: unknown, index: number): void {
    const select = (a.QueryInfo?.Select ?? []).map((s) => s.split("/").map(camel).join("/"));
    const load = (obj as { load?: (p: string[]) => unknown }).load;
    if (typeof load !== "function") refuse(`loading ${a.Name || "this object"}`);
    // A collection's query selects its items' properties; the fake loads them as items/<property>.
    const collection = isCollection(obj);
    load.call(obj, collection ? (select.length ? select.map((s) => `items/${s}`) : ["items"]) : select);
    this.pending.push({
      actionIndex: index,
      finish: () => ({ ActionId: a.Id, Value: this.queried(obj, select, collection) }),
    });
  }

  /** A queried object in Excel's shape: PascalCase properties, collections as _Items with ids. */
  private queried(obj: unknown, select: string[], collection: boolean): unknown {
    const o = obj as Obj;
    if (isNull(o)) return null;
    if (collection) {
      const list = o.items as unknown[];
      return { _Items: list.map((item, i) => ({ ...identity(this.host, item, i), ...pick(item, select) })) };
    }
    return { ...identity(this.host, o), ...pick(o, select) };
  }

  private instantiated(a: ActionInfo, obj: unknown): ActionResult | null {
    if (isNull(obj)) return { ActionId: a.Id, Value: null };
    if (this.kept.has(obj)) return { ActionId: a.Id, Value: { _ReferenceId: this.host.keep(obj) } };
    const id = identity(this.host, obj);
    return Object.keys(id).length ? { ActionId: a.Id, Value: id } : null;
  }
}

function isCollection(o: unknown): boolean {
  for (let p: object | null = o as object; p; p = Object.getPrototypeOf(p)) {
    const d = Object.getOwnPropertyDescriptor(p, "items");
    if (d) return typeof d.get === "function";
  }
  return false;
}

function isNull(o: unknown): boolean {
  try {
    return (o as { isNullObject?: boolean }).isNullObject === true;
  } catch {
    return false;
  }
}

/** Worksheets carry their id, so that the library can find them again by it in a later request. */
function identity(host: RichApiHost, o: unknown, index?: number): Obj {
  if (o instanceof FakeWorksheet) return { _Id: host.model.idOf(o.sheet()) };
  const id = (o as { partId?: () => string }).partId;
  if (typeof id === "function") return { _Id: id.call(o) };
  return index === undefined ? {} : { _Index: index };
}

function pick(o: unknown, select: string[]): Obj {
  const out: Obj = {};
  for (const s of select) {
    const path = s.split("/");
    let src = o as Obj;
    let dst = out;
    path.forEach((seg, i) => {
      const key = pascal(seg);
      if (i === path.length - 1) {
        const v = src[camel(seg)];
        if (v === undefined) refuse(`reading ${s}`);
        dst[key] = v;
      } else {
        src = src[camel(seg)] as Obj;
        dst = (dst[key] ??= {}) as Obj;
      }
    });
  }
  return out;
}

/** A method's return value: a plain value, or a ClientResult-like object whose value settled at sync. */
function resultValue(out: unknown): unknown {
  if (out && typeof out === "object" && "value" in out) return (out as { value: unknown }).value;
  return out ?? null;
}

export { FakeWorksheet };
