import { PlacementStatus } from '../src/placement/placement.enums';
import { checkContinuation, nextOf, pathwayOf, PathwayPlacement, previousOf } from '../src/pathway/pathway.rules';
import { decideStart, NO_KICKOFF_MESSAGE } from '../src/pathway/kickoff.rules';

const S = PlacementStatus;
const placement = (id: string, over: Partial<PathwayPlacement> = {}): PathwayPlacement => ({
  id,
  citizenId: 'per',
  companyId: 'workshop',
  status: S.COMPLETED,
  startDate: '2026-03-02',
  continuesPlacementId: null,
  ...over,
});
const proposal = { citizenId: 'per', companyId: 'workshop', startDate: '2026-06-01' };

describe('checkContinuation (a placement proposed as the continuation of another)', () => {
  it.each([S.ACTIVE, S.COMPLETED])('allows continuing a %s placement of the same citizen at the same company', (status) => {
    expect(checkContinuation(placement('intern', { status }), proposal, null)).toEqual({ ok: true });
  });

  it("refuses another citizen's placement at continuesPlacementId", () => {
    const check = checkContinuation(placement('intern', { citizenId: 'bent' }), proposal, null);
    expect(check).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'continuesPlacementId' });
  });

  it('refuses a placement at another company at continuesPlacementId', () => {
    const check = checkContinuation(placement('intern', { companyId: 'faber' }), proposal, null);
    expect(check).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
      field: 'continuesPlacementId',
      message: expect.stringMatching(/another company/),
    });
  });

  it.each([S.PROPOSED, S.AGREED, S.CANCELLED])('refuses to continue a %s placement', (status) => {
    expect(checkContinuation(placement('intern', { status }), proposal, null)).toMatchObject({ ok: false, field: 'continuesPlacementId' });
  });

  it('refuses a continuation that starts before the placement it continues, at startDate; the same day is fine', () => {
    expect(checkContinuation(placement('intern'), { ...proposal, startDate: '2026-03-01' }, null)).toMatchObject({ field: 'startDate' });
    expect(checkContinuation(placement('intern'), { ...proposal, startDate: '2026-03-02' }, null)).toEqual({ ok: true });
  });

  it('is a CONFLICT when the placement is continued already, unless that continuation was cancelled', () => {
    expect(checkContinuation(placement('intern'), proposal, { id: 'subsidy', status: S.AGREED })).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
    expect(checkContinuation(placement('intern'), proposal, { id: 'subsidy', status: S.CANCELLED })).toEqual({ ok: true });
  });
});

describe('pathwayOf / previousOf / nextOf', () => {
  const intern = placement('intern');
  const subsidy = placement('subsidy', { status: S.COMPLETED, startDate: '2026-06-01', continuesPlacementId: 'intern' });
  const cancelledJob = placement('job-1', { status: S.CANCELLED, startDate: '2026-12-01', continuesPlacementId: 'subsidy' });
  const job = placement('job-2', { status: S.ACTIVE, startDate: '2026-12-01', continuesPlacementId: 'subsidy' });
  const elsewhere = placement('faber', { companyId: 'faber', startDate: '2027-01-01' });
  const all = [job, elsewhere, cancelledJob, subsidy, intern];

  it('walks back to the first placement and forward past cancelled continuations', () => {
    expect(pathwayOf(subsidy, all).map((p) => p.id)).toEqual(['intern', 'subsidy', 'job-2']);
    expect(pathwayOf(intern, all).map((p) => p.id)).toEqual(['intern', 'subsidy', 'job-2']);
    expect(pathwayOf(job, all).map((p) => p.id)).toEqual(['intern', 'subsidy', 'job-2']);
  });

  it('a cancelled continuation still knows what it continued, but is not the next step', () => {
    expect(previousOf(cancelledJob, all)?.id).toBe('subsidy');
    expect(nextOf(subsidy, all)?.id).toBe('job-2');
    expect(pathwayOf(cancelledJob, all).map((p) => p.id)).toEqual(['intern', 'subsidy', 'job-1']);
  });

  it('is the placement alone when it stands alone', () => {
    expect(pathwayOf(elsewhere, all)).toEqual([elsewhere]);
    expect(previousOf(elsewhere, all)).toBeNull();
    expect(nextOf(elsewhere, all)).toBeNull();
  });

  it('never loops on a bad row', () => {
    const a = placement('a', { continuesPlacementId: 'b' });
    const b = placement('b', { continuesPlacementId: 'a' });
    expect(pathwayOf(a, [a, b]).map((p) => p.id)).toEqual(['b', 'a']);
  });
});

describe('decideStart (a placement starts after a held kick-off, or with a recorded reason)', () => {
  it('starts after a held kick-off, storing no reason', () => {
    expect(decideStart(1, 'Alligevel')).toEqual({ ok: true, reason: null });
  });
  it('starts without one only with a reason, trimmed', () => {
    expect(decideStart(0, '  Samme kontaktperson som i praktikken ')).toEqual({ ok: true, reason: 'Samme kontaktperson som i praktikken' });
  });
  it.each([undefined, null, '', '   '])('refuses without a held kick-off and with reason %p, saying what to do', (reason) => {
    expect(decideStart(0, reason)).toEqual({ ok: false, message: NO_KICKOFF_MESSAGE });
    expect(NO_KICKOFF_MESSAGE).toMatch(/must be held first.*startWithoutKickoffReason/);
  });
});
