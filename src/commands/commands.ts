/**
 * The function file's whole start-up, kept tiny and synchronous. Excel delivers a ribbon button's
 * ExecuteFunction as soon as office.js has registered for it, which can be before the page's other
 * scripts have run or Office.onReady has fired; an action not yet associated then is dropped, and the
 * analyst's first click does nothing (office-js issues 5176, 3378, 2744, 1029). So the action is
 * associated at once, before anything asynchronous, by a script the page runs straight after office.js
 * (webpack.config.js), and the refresh itself is loaded when the button is pressed.
 */

/** The ribbon's Refresh button: the work is in ./ribbon, loaded on the first press. */
export function refreshCommitteeSheet(event: Office.AddinCommands.Event): Promise<void> {
  return import(/* webpackChunkName: "ribbon" */ "./ribbon").then(
    (ribbon) => ribbon.refreshFromRibbon(event),
    () => event.completed(),
  );
}

Office.actions.associate("refreshCommitteeSheet", refreshCommitteeSheet);

// Once the add-in has been used in a workbook, its runtime loads with that workbook from then on, so a
// later first click finds it running ("Run code in your Office Add-in when the document opens").
Office.onReady(() => {
  import(/* webpackChunkName: "ribbon" */ "./ribbon").then(
    (ribbon) => ribbon.loadWithDocument(),
    () => undefined,
  );
});
