/**
 * The reference refuses blank ids with "… cannot be blank" (reference-behaviour §3.2, §3.5). A whitespace-only id is
 * just as useless as an empty one, so it counts as blank too.
 */
export function isBlank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}
