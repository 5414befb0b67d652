/** A small, strict argument reader: unknown flags are errors, not silently ignored. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], valueFlags: string[], boolFlags: string[]): ParsedArgs {
  const out: ParsedArgs = { command: undefined, positional: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [name, inline] = a.slice(2).split("=", 2);
      if (valueFlags.includes(name)) {
        const v = inline ?? argv[++i];
        if (v === undefined || v.startsWith("--")) throw new Error(`--${name} needs a value`);
        out.flags[name] = v;
      } else if (boolFlags.includes(name)) {
        out.flags[name] = true;
      } else {
        throw new Error(`unknown option --${name}`);
      }
    } else if (out.command === undefined) {
      out.command = a;
    } else {
      out.positional.push(a);
    }
  }
  return out;
}
