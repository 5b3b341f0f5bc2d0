/** Operations that try to get around the gateway's limits with fragments (limits.test.ts, hardening.test.ts). */

/** staffMember → caseload → assignments → staff → caseload …, `depth` fields deep, one fragment per level. */
export function deepThroughFragments(depth: number): string {
  const steps = [
    { field: 'caseload', on: 'Citizen' },
    { field: 'assignments', on: 'Assignment' },
    { field: 'staff', on: 'StaffMember' },
  ];
  const fragments: string[] = [];
  let on = 'StaffMember';
  // Level 1 is staffMember, the last level an id; each fragment between adds one field and
  // spreads the next fragment inside it.
  for (let level = 2; level < depth; level += 1) {
    const step = steps[(level - 2) % 3];
    fragments.push(`fragment L${level} on ${on} { id ${step.field} { ${level + 1 < depth ? `...L${level + 1}` : 'id'} } }`);
    on = step.on;
  }
  return `query Deep($id: ID!) { staffMember(id: $id) { ...L2 } } ${fragments.join(' ')}`;
}

/** `count` aliases, five per fragment, the fragments spread inside one another. */
export function aliasesThroughFragments(count: number): string {
  const perFragment = 5;
  const n = Math.ceil(count / perFragment);
  const fragments = Array.from({ length: n }, (_, i) => {
    const aliases = Array.from({ length: perFragment }, (_, j) => `a${i}_${j}: citizenStatistics { total }`).join(' ');
    return `fragment A${i} on Query { ${aliases} ${i + 1 < n ? `...A${i + 1}` : ''} }`;
  });
  return `query Aliased { ...A0 } ${fragments.join(' ')}`;
}

/** A fragment spread twice in each of `levels` fragments: 2^levels leaves from a few lines. */
export function doublingFragments(levels: number): string {
  const fragments = [`fragment D0 on CitizenStatistics { total }`];
  for (let i = 1; i <= levels; i += 1) fragments.push(`fragment D${i} on CitizenStatistics { ...D${i - 1} ...D${i - 1} }`);
  return `query Doubling { citizenStatistics { ...D${levels} } } ${fragments.join(' ')}`;
}
