/**
 * What the pane's national panel needs, fetched together on first use as one chunk: the Department's
 * figures and the engine's reading of them. The panel itself imports only types from here, so the pane's
 * first load carries neither.
 */
export { DFE_CSC as dataset } from "./dfe-csc";
export { compareNational } from "../engine/judge/national/compare";
export { councilInText, findCouncil, unknownCouncilMessage } from "../engine/judge/national/council";
export { formatNational } from "../engine/judge/national/format";
export { chooseMatch, forgetMatch, resolveMatches } from "../engine/judge/national/matches";
export { MEASURES, measureById } from "../engine/judge/national/measures";
export { attachNational } from "../engine/judge/national/attach";
