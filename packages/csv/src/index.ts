// @kaoping/csv: CSV bytes (UTF-8 or GBK) into a header and rows, the same for the CLI and the web
// app. Its own package, not the engine's: it knows nothing of rubrics (the engine's fact reader
// takes the cells from here), and the web app loads it only when a file is imported.
export { CsvError, decodeText, readCsv, type CsvMessage, type CsvTable } from "./read-csv.ts";
