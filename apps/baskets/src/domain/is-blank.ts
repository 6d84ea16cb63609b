/**
 * The reference's "cannot be blank" rules compare with "" only; a whitespace-only id is just as useless (it would
 * start a basket nobody can find), so it counts as blank here. Not a string at all (a JSON body without the field
 * reaching the domain as undefined) is blank too rather than a TypeError.
 */
export function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}
