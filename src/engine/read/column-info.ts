/** A column of a table as read: its header, its role and why, and how sure the reading is. */
import type { Period } from "./period-grammar";
import type { Role } from "./roles";

export interface ColumnInfo {
  col: number;
  letter: string;
  /** The column's label built from every header row above it, most general first. */
  label: string;
  /** The most specific header label of the column. */
  own: string;
  role: Role | null;
  /** The period the column reports, from its own header or a group header above it. */
  period?: Period;
  /** True where the role came from the settings rather than detection. */
  pinned?: boolean;
  /** Why the column has its role, in a sentence a person can check. */
  evidence: string;
  /** 0 to 1: how sure the reading of this column is (1 where the settings pin it). */
  confidence: number;
}

export interface SeriesColumn {
  col: number;
  period: Period;
}
