// Whether to colour an output stream: on a terminal by default; FORCE_COLOR turns colour on
// anywhere (or off with 0/false) and wins over NO_COLOR, which turns it off (as Node does).

type Env = Readonly<Record<string, string | undefined>>;

/** Colour for a stream that is (or is not) a terminal, under the environment's wishes. */
export function colorWanted(isTTY: boolean, env: Env): boolean {
  const force = env["FORCE_COLOR"];
  if (force !== undefined) return !["0", "false"].includes(force.toLowerCase());
  if (env["NO_COLOR"]) return false;
  if (env["TERM"] === "dumb") return false;
  return isTTY;
}

/** ANSI styles that do nothing when colour is off. */
export function styles(on: boolean) {
  const sgr = (code: string) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { bold: sgr("1"), red: sgr("31"), green: sgr("32"), yellow: sgr("33"), dim: sgr("2") };
}
