// The language package's syntax tree, the engine's input. Imported in this one place so that the
// engine follows the language package's exports as they settle.
export type * from "@kaoping/language";
