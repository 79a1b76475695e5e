/** The text with its first letter in capitals, for words that also appear mid-sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
