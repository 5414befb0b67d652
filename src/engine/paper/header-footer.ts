/**
 * Excel reads a page header or footer as codes: "&P" is the page number, "&N" the page count, "&D"
 * the date, "&L" a new section, "&9" a font size. Text from the source (a council called "B&NES")
 * must print as typed, so every ampersand in it is doubled; the plan's own codes ("Page &P of &N")
 * are passed as they are. Both hosts build their header and footer strings with this.
 */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&");
}
