/**
 * workbook.customXmlParts (ExcelApi 1.5), as strict as the Excel JavaScript API reference: a part must be
 * well-formed XML (InvalidArgument otherwise) and is found by its root element's namespace
 * (getByNamespace), or by its id; getOnlyItemOrNullObject answers a null object unless exactly one part
 * has the namespace, getOnlyItem fails then (ItemNotFound with none, InvalidOperation with several);
 * reading getXml()'s value or a part's id before the sync that loaded it throws PropertyNotLoaded; a
 * deleted part is gone (ItemNotFound). Writes count in the request like the rest of the fake, and what
 * getXml returns counts in the response.
 */
import { XMLValidator } from "fast-xml-parser";
import type { FakeContext } from "./fake-excel";
import { FakeOfficeError, PropertyNotLoaded, jsonBytes } from "./fake-excel";

export interface FakeXmlPart {
  id: string;
  xml: string;
}

function checkXml(xml: string): string {
  const ok = typeof xml === "string" && XMLValidator.validate(xml);
  if (ok !== true)
    throw new FakeOfficeError("InvalidArgument", "The custom XML part is not well-formed XML.");
  return namespaceOf(xml);
}

/** The root element's default namespace (or that of its prefix), which getByNamespace matches. */
export function namespaceOf(xml: string): string {
  const root = /<([A-Za-z_][\w.-]*)(?::([\w.-]+))?([^>]*)>/.exec(xml.replace(/<\?[^?]*\?>/g, ""));
  if (!root) return "";
  const prefix = root[2] ? root[1] : null;
  const attrs = root[3];
  const re = prefix ? new RegExp(`xmlns:${prefix}="([^"]*)"`) : /xmlns="([^"]*)"/;
  return re.exec(attrs)?.[1] ?? "";
}

/** A value that settles at the sync that produced it, as Office.js's ClientResult. */
export class FakeClientResult<T> {
  private settled = false;
  private v: T | undefined;
  settle(v: T): void {
    this.v = v;
    this.settled = true;
  }
  get value(): T {
    if (!this.settled) throw new PropertyNotLoaded("value");
    return this.v as T;
  }
}

export class FakeXmlPartProxy {
  private part: FakeXmlPart | null | undefined;
  private loadedId: string | undefined;
  constructor(
    private readonly ctx: FakeContext,
    private readonly parts: () => FakeXmlPart[],
    private readonly resolver: () => FakeXmlPart | null,
  ) {}
  bind(): void {
    if (this.part === undefined) this.part = this.resolver();
  }
  private target(): FakeXmlPart {
    this.bind();
    if (!this.part || !this.parts().includes(this.part))
      throw new FakeOfficeError("ItemNotFound", "The custom XML part does not exist.");
    return this.part;
  }
  /** For the transport simulation: the id Excel returns with the object. */
  partId(): string {
    return this.target().id;
  }
  get isNullObject(): boolean {
    if (this.part === undefined) throw new PropertyNotLoaded("isNullObject");
    return this.part === null;
  }
  load(_props?: string | string[]): this {
    this.ctx.enqueue(() => this.settleLoaded());
    return this;
  }
  /** Settles the loaded id while a sync runs (a collection's load settles its items so). */
  settleLoaded(): void {
    this.bind();
    this.loadedId = this.part ? this.part.id : undefined;
    this.ctx.respond(this.loadedId ?? null);
  }
  get id(): string {
    if (this.loadedId === undefined) throw new PropertyNotLoaded("id");
    return this.loadedId;
  }
  getXml(): FakeClientResult<string> {
    const r = new FakeClientResult<string>();
    this.ctx.enqueue(() => {
      const xml = this.target().xml;
      this.ctx.respond(xml);
      r.settle(xml);
    });
    return r;
  }
  setXml(xml: string): void {
    this.ctx.enqueue(() => {
      checkXml(xml);
      this.target().xml = xml;
    }, jsonBytes(xml));
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const p = this.target();
      const all = this.parts();
      all.splice(all.indexOf(p), 1);
    });
  }
}

/** The workbook's collection and the scoped one getByNamespace returns. */
export class FakeXmlPartCollection {
  private itemsValue: FakeXmlPartProxy[] | undefined;
  constructor(
    private readonly ctx: FakeContext,
    private readonly parts: () => FakeXmlPart[],
    private readonly filter: (p: FakeXmlPart) => boolean = () => true,
    private readonly nextId: () => string = () => "",
  ) {}
  private matching(): FakeXmlPart[] {
    return this.parts().filter(this.filter);
  }
  private proxy(resolver: () => FakeXmlPart | null): FakeXmlPartProxy {
    const p = new FakeXmlPartProxy(this.ctx, this.parts, resolver);
    this.ctx.enqueue(() => p.bind());
    return p;
  }
  add(xml: string): FakeXmlPartProxy {
    let made: FakeXmlPart | undefined;
    return (() => {
      const p = new FakeXmlPartProxy(this.ctx, this.parts, () => {
        if (!made) {
          checkXml(xml);
          made = { id: this.nextId(), xml };
          this.parts().push(made);
        }
        return made;
      });
      this.ctx.enqueue(() => p.bind(), jsonBytes(xml));
      return p;
    })();
  }
  getByNamespace(namespaceUri: string): FakeXmlPartCollection {
    return new FakeXmlPartCollection(
      this.ctx,
      this.parts,
      (p) => namespaceOf(p.xml) === namespaceUri && this.filter(p),
    );
  }
  getItem(id: string): FakeXmlPartProxy {
    return this.proxy(() => {
      const p = this.matching().find((x) => x.id === id);
      if (!p) throw new FakeOfficeError("ItemNotFound", `No custom XML part has the id '${id}'.`);
      return p;
    });
  }
  getItemOrNullObject(id: string): FakeXmlPartProxy {
    return this.proxy(() => this.matching().find((x) => x.id === id) ?? null);
  }
  getOnlyItemOrNullObject(): FakeXmlPartProxy {
    return this.proxy(() => {
      const m = this.matching();
      return m.length === 1 ? m[0] : null;
    });
  }
  getOnlyItem(): FakeXmlPartProxy {
    return this.proxy(() => {
      const m = this.matching();
      if (m.length === 0) throw new FakeOfficeError("ItemNotFound", "No custom XML part has the namespace.");
      if (m.length > 1)
        throw new FakeOfficeError("InvalidOperation", "More than one custom XML part has the namespace.");
      return m[0];
    });
  }
  getCount(): FakeClientResult<number> {
    const r = new FakeClientResult<number>();
    this.ctx.enqueue(() => r.settle(this.matching().length));
    return r;
  }
  load(_props?: string | string[]): this {
    this.ctx.enqueue(() => {
      this.itemsValue = this.matching().map((part) => {
        const p = new FakeXmlPartProxy(this.ctx, this.parts, () => part);
        p.settleLoaded();
        return p;
      });
    });
    return this;
  }
  get items(): FakeXmlPartProxy[] {
    if (!this.itemsValue) throw new PropertyNotLoaded("items");
    return this.itemsValue;
  }
}
