/** Something with identity: two entities are equal when their ids are, whatever their other state. */
export abstract class Entity {
  protected constructor(public readonly id: string) {}

  equals(other: Entity | null | undefined): boolean {
    return other != null && other.constructor === this.constructor && other.id === this.id;
  }
}
