/**
 * "Blank" as the reference's error texts use it ("cannot be blank"), but stricter than its `== ""` check: a
 * whitespace-only name is just as unusable in a catalogue or on a kiosk screen (reference-behaviour §14.4, item 38).
 */
export function isBlank(value: string | null | undefined): boolean {
  return value == null || value.trim() === '';
}
