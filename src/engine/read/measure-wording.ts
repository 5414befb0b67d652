/**
 * What a measure's own wording says of its unit and its better direction, where no column says it:
 * "Percentage of ...", "% of ...", "(%)", "rate per 10,000", "per 1,000"; "(lower is better)",
 * "... will reduce", "Reduce the number of ...". A person reads these from the title; so does the engine.
 */
import type { PolarityName } from "../config";
import type { Unit } from "./values";

/** "rate per 10,000", "per 1,000 children": a rate, and what it is per. */
const PER = /\bper\s+(1,?000,?000|100,?000|10,?000|1,?000|100)\b/i;
const PERCENT =
  /^\s*%|\(\s*%\s*\)|%\s+of\b|\b(?:percentage|proportion|percent|per\s*cent)\b(?!\s+(?:point|change))/i;
const COUNT = /^\s*(?:the\s+)?(?:number|no\.|count|total number)\s+of\b/i;

/** The unit the measure's wording names, or null where it names none. */
export function unitFromWording(title: string): { unit: Unit; per?: number } | null {
  const rate = PER.exec(title);
  if (rate) return { unit: "rate", per: Number(rate[1].replace(/,/g, "")) };
  if (PERCENT.test(title)) return { unit: "percent" };
  if (COUNT.test(title)) return { unit: "number" };
  return null;
}

const LOWER_BETTER =
  /\b(?:lower|smaller|less|fewer)\s+(?:is|=)\s+(?:better|good)\b|\blow is good\b|\bgood is low\b|\bwill (?:reduce|decrease|fall|go down)\b|\b(?:reduce|decrease|minimi[sz]e|lower)\s+the\s+(?:number|proportion|percentage|rate|level|length|time)\b|\baim(?:ing)? to (?:reduce|decrease)\b/i;
const HIGHER_BETTER =
  /\b(?:higher|bigger|more|greater)\s+(?:is|=)\s+(?:better|good)\b|\bhigh is good\b|\bgood is high\b|\bwill (?:increase|rise|improve|go up)\b|\b(?:increase|raise|maximi[sz]e|improve)\s+the\s+(?:number|proportion|percentage|rate|level)\b|\baim(?:ing)? to (?:increase|raise)\b/i;
// Time taken to do something: fewer days is better ("average number of calendar days taken to deliver").
const TIME_TAKEN =
  /\baverage (?:number of )?(?:calendar |working )?(?:days|weeks|time|length of time) (?:taken|between|to|from|for)\b/i;

/** The better direction the measure's wording states, or null where it states none. */
export function polarityFromWording(title: string): PolarityName | null {
  if (LOWER_BETTER.test(title)) return "lower";
  if (HIGHER_BETTER.test(title)) return "higher";
  if (TIME_TAKEN.test(title)) return "lower";
  return null;
}
