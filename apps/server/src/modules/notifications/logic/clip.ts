/** Shortens a record's name for a notification title (titles hold 200 characters; names may be as long). */
export function clip(text: string, max = 60): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
