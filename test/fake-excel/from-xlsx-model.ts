/** A fixture (plain cells per sheet) into the fake's model; no Node or ExcelJS, so it runs in a browser. */
import { FakeCell, FakeWorkbookModel, fillSheet } from "./fake-excel";

export interface SheetFixture {
  name: string;
  cells: { r: number; c: number; value: FakeCell["value"]; numberFormat?: string; error?: string }[];
  merges: { top: number; left: number; bottom: number; right: number }[];
}

export function modelFrom(fixture: SheetFixture[]): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  for (const s of fixture) fillSheet(model.addSheet(s.name), s.cells, s.merges);
  return model;
}
