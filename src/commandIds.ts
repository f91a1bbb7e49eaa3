/** Every command the extension contributes; the manifest's `contributes.commands` must match. */
export const enum CommandId {
  Convert = 'bilingualReader.convert',
  ToSimplified = 'bilingualReader.toSimplified',
  ToTraditional = 'bilingualReader.toTraditional',
  ToTraditionalHK = 'bilingualReader.toTraditionalHK',
  ToTraditionalTW = 'bilingualReader.toTraditionalTW',
  ToTraditionalTWPhrases = 'bilingualReader.toTraditionalTWPhrases',
  ConvertToNewEditor = 'bilingualReader.convertToNewEditor',
  CopyConverted = 'bilingualReader.copyConverted',
  OpenReader = 'bilingualReader.openReader',
  AddToGlossary = 'bilingualReader.addToGlossary',
  ListTerms = 'bilingualReader.listTerms',
  ExportTerms = 'bilingualReader.exportTerms',
}
