/** Words to find anywhere in a text column, for `LOWER(column) LIKE :pattern ESCAPE '\'`: lower case, LIKE's own characters escaped. */
export function containsPattern(words: string): string {
  return `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
