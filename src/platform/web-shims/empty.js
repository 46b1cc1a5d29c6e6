// Node modules word-extractor requires but never calls on the page's path (files by name, the
// OpenOffice/zip extractor, path joining): present so the module loads, empty so nothing can run.
export default {};
