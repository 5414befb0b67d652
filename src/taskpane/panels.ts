/**
 * The deferred chunk's components (deferred.tsx): what the pane does not show on opening (the other
 * tabs, the reading's details).
 */
export { LayoutPins } from "./LayoutPins";
export { NationalPanel } from "./NationalPanel";
export { ReadingPanel } from "./ReadingPanel";
export { ReviewPanel } from "./ReviewPanel";
export { SettingsPanel } from "./SettingsPanel";
