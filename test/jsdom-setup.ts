/** jsdom lacks a few browser APIs that Fluent UI measures layout with; inert stand-ins suffice there. */
if (typeof window !== "undefined") {
  class InertResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const w = window as unknown as { ResizeObserver?: unknown; matchMedia?: unknown };
  w.ResizeObserver ??= InertResizeObserver;
  w.matchMedia ??= () => ({
    matches: false,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
  });
}
