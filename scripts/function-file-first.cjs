/**
 * Which of the built page's scripts must run straight after office.js, blocking: the webpack runtime and
 * the commands entry, which associates the ribbon's actions. Excel delivers a button's ExecuteFunction as
 * soon as office.js registers for it and drops it if nothing is associated yet (office-js issues 5176,
 * 2744: deferred bundles lose that race). Used by webpack.config.js and its test.
 */
function isFunctionFileScript(src) {
  return /(^|\/)(runtime|commands)\.js$/.test(String(src));
}

/** HtmlWebpackPlugin's head tags with the function file's scripts first and not deferred. */
function functionFileFirst(headTags) {
  const first = (t) => t.tagName === "script" && isFunctionFileScript(t.attributes.src);
  const early = headTags.filter(first);
  for (const t of early) t.attributes.defer = false;
  return [...early, ...headTags.filter((t) => !first(t))];
}

module.exports = { isFunctionFileScript, functionFileFirst };
