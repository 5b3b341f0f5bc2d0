import {
  boundedOperationLabels,
  clientOperationName,
  knownOperationLabels,
  MAX_OPERATION_LABELS,
} from '../src/observability/operation-label';

describe('operation labels', () => {
  it("reads a subgraph fetch's name back to the client operation's", () => {
    expect(clientOperationName('CaseworkerCaseload__citizens__0')).toBe('CaseworkerCaseload');
    expect(clientOperationName('My__Op__plans__12')).toBe('My__Op');
    expect(clientOperationName('Plain')).toBe('Plain');
  });

  it('labels known operations by name and everything else "other"', () => {
    const label = knownOperationLabels(['CitizenOwnView']);
    expect(label('CitizenOwnView')).toBe('CitizenOwnView');
    expect(label('CitizenOwnView__plans__1')).toBe('CitizenOwnView');
    expect(label('Anything')).toBe('other');
    expect(label(undefined)).toBe('anonymous');
    // The gateway's own labeller ignores a label header: only subgraphs take the gateway's word.
    expect(label('Anything', 'CitizenOwnView')).toBe('other');
  });

  it(`without a list, labels the first ${MAX_OPERATION_LABELS} names, then "other", and prefers the gateway's label`, () => {
    const label = boundedOperationLabels();
    const values = new Set(Array.from({ length: 3000 }, (_, i) => label(`Made${i}`)));
    expect(values.size).toBe(MAX_OPERATION_LABELS + 1);
    expect(label('Made0')).toBe('Made0');
    expect(label('Made2999')).toBe('other');
    expect(label('Anything__citizens__0', 'CaseworkerCaseload')).toBe('other'); // a new value past the bound
    expect(boundedOperationLabels()('Anything__citizens__0', 'CaseworkerCaseload')).toBe('CaseworkerCaseload');
    expect(boundedOperationLabels()('x'.repeat(65))).toBe('other');
  });
});
