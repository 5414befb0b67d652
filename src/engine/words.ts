/** Counts in correct English: "1 analyst check", "2 analyst checks". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
