/**
 * The look of each cell of a plan, a row at a time: its style from the plan's styled areas, laid over
 * by the rule its words choose, and its number format. Computed as the sheet is written, row by row,
 * so no grid of looks is held: the areas that cover a row are kept in a short list as the rows go by
 * (a sweep), in the plan's order, which is the order of precedence. Looks with the same key are one
 * object, so a look costs nothing per cell.
 */
import type { Area } from "../../engine/grid";
import type { CellStyle, SheetPlan } from "../../engine/paper/committee";

/** The look of one cell: its combined style and the key that names the combination. */
export interface CellLook {
  style: CellStyle;
  key: string;
}

interface Span {
  area: Area;
  /** The place of the area in the plan's lists: later areas override earlier ones. */
  order: number;
  apply: (r: number, c: number, base: CellLook | null) => CellLook | null;
}

export class RowLooks {
  private readonly pending: Span[];
  private active: Span[] = [];
  private next = 0;
  private readonly byKey = new Map<string, CellLook>();

  constructor(private readonly plan: SheetPlan) {
    const spans: Span[] = [];
    for (const { style, areas } of plan.styleAreas) {
      const s = plan.styles[style];
      if (!s) continue;
      for (const area of areas)
        spans.push({ area, order: spans.length, apply: () => this.look(style, () => s) });
    }
    // A file needs no conditional formats: each cell gets the style its own words choose.
    for (const { area, rules } of plan.conditional) {
      spans.push({
        area,
        order: spans.length,
        apply: (r, c, base) => {
          const v = plan.values[r]?.[c];
          const rule = typeof v === "string" ? rules.find((x) => v.includes(x.contains)) : undefined;
          const over = rule ? plan.styles[rule.style] : undefined;
          if (!rule || !over) return base;
          return this.look(`${base?.key ?? ""}+${rule.style}`, () => ({ ...(base?.style ?? {}), ...over }));
        },
      });
    }
    this.pending = [...spans].sort((a, b) => a.area.top - b.area.top || a.order - b.order);
  }

  private look(key: string, style: () => CellStyle): CellLook {
    let l = this.byKey.get(key);
    if (!l) this.byKey.set(key, (l = { key, style: style() }));
    return l;
  }

  /** The looks of row r (rows must be asked for in order); null where the plan styles nothing. */
  row(r: number, width: number): (CellLook | null)[] {
    while (this.next < this.pending.length && this.pending[this.next].area.top <= r) {
      this.active.push(this.pending[this.next++]);
      this.active.sort((a, b) => a.order - b.order);
    }
    this.active = this.active.filter((s) => s.area.bottom >= r);
    const out: (CellLook | null)[] = new Array<CellLook | null>(width).fill(null);
    for (const span of this.active) {
      const { left, right } = span.area;
      for (let c = left; c <= Math.min(right, width - 1); c++) out[c] = span.apply(r, c, out[c]);
    }
    const formats = this.plan.numberFormats[r];
    formats?.forEach((f, c) => {
      if (!f || c >= width) return;
      const base = out[c];
      out[c] = this.look(`${base?.key ?? ""}#${f}`, () => ({ ...(base?.style ?? {}), numFmt: f }));
    });
    return out;
  }
}
