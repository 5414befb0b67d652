/** Takes the analyst to a cell: activate its sheet first, then select, each settled by its own sync. */
export async function selectCell(
  context: Excel.RequestContext,
  sheetName: string,
  address: string,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load("name");
  await context.sync();
  if (sheet.isNullObject) throw new Error(`The sheet '${sheetName}' is no longer in this workbook.`);
  // Selecting on a sheet that is not yet active fails on some hosts; activation must land first.
  sheet.activate();
  await context.sync();
  sheet.getRange(address).untrack().select();
  await context.sync();
}
