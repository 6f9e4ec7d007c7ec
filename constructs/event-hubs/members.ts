/**
 * What was built on a parent construct (the hubs of a namespace, the consumer groups of a hub), so
 * the parent's validation can count them against its tier's limits at synthesis, when every member
 * exists. Kept beside the parents rather than as public methods on them.
 */
export class Members<Parent extends object, Member> {
  private readonly byParent = new WeakMap<Parent, Member[]>();

  add(parent: Parent, member: Member): void {
    const list = this.byParent.get(parent);
    if (list) list.push(member);
    else this.byParent.set(parent, [member]);
  }

  of(parent: Parent): readonly Member[] {
    return this.byParent.get(parent) ?? [];
  }
}
