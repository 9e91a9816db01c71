/**
 * Tie-breaks for lists a rebuild must write byte for byte the same: by UTF-16 code unit, which is
 * the same on every machine. localeCompare follows the machine's ICU data and language, so two
 * build machines could order the same stories differently.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
