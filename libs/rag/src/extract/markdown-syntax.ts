/** Line patterns of the Markdown block structure (CommonMark plus GFM tables), in one place. */
export const MD = {
  blank: /^[ \t]*$/,
  atxHeading: /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/,
  setextUnderline: /^ {0,3}(=+|-+)[ \t]*$/,
  thematicBreak: /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/,
  fenceOpen: /^( {0,3})(`{3,}(?=[^`]*$)|~{3,})/,
  listItem: /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/,
  blockquote: /^ {0,3}> ?/,
  tableDelimiter: /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/,
  referenceDefinition: /^ {0,3}\[[^\]]+\]:[ \t]*\S+/,
  htmlCommentOpen: /^ {0,3}<!--/,
} as const;

/** True when a line starts a block that ends any open paragraph. */
export function interruptsParagraph(line: string): boolean {
  return (
    MD.atxHeading.test(line) ||
    MD.thematicBreak.test(line) ||
    MD.fenceOpen.test(line) ||
    MD.blockquote.test(line) ||
    MD.listItem.test(line)
  );
}

/** The closing fence for an opening one: same character, at least as long. */
export function closesFence(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1][0] === fence[0] && match[1].length >= fence.length;
}
