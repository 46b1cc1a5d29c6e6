// Which of a footer paragraph's fields prints the page number. A module of its own, without the XML
// reader's imports, because the page-number rule needs it on every run, .docx or not.

/** The PAGE field among a paragraph's fields (PAGE, PAGE \* MERGEFORMAT, PAGE \* Arabic …), if any. */
export function pageField(fields: string[]): string | undefined {
  return fields.find((f) => /^PAGE(?:\s|$)/i.test(f));
}
