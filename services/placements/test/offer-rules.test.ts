import { OfferKind } from '../src/provider/offer-kind';
import { ReferralResult, ReferralStatus } from '../src/referral/referral.enums';
import { endedOnFor, mayMove, moveRefusal, movesInto, resultRefusal } from '../src/referral/referral.rules';
import { agreementMaxEnd, checkReferralLength, OFFER_RULES, OfferRule, offerRuleFor, renewedPeriod } from '../src/rules/offer-rules';

const S = ReferralStatus;

describe('mentor support (LAB § 167): at most 6 months per agreement', () => {
  it('is in the rules table with its legal source', () => {
    const rule = offerRuleFor(OfferKind.MENTOR, '2026-03-02');
    expect(rule).toMatchObject({ code: 'LAB-167-MENTOR-6M', source: 'LAB § 167', maxLength: { amount: 6, unit: 'MONTHS' } });
  });

  it('allows a mentor agreement of exactly 6 months, both ends included', () => {
    expect(checkReferralLength(OfferKind.MENTOR, '2026-01-01', '2026-06-30')).toMatchObject({ ok: true, endDate: '2026-06-30' });
  });

  it('refuses one day more, naming the rule, its source and the latest allowed end date', () => {
    const check = checkReferralLength(OfferKind.MENTOR, '2026-01-01', '2026-07-01');
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.latestEndDate).toBe('2026-06-30');
    expect(check.message).toMatch(/LAB § 167/);
    expect(check.message).toMatch(/LAB-167-MENTOR-6M/);
    expect(check.message).toMatch(/2026-06-30/);
    expect(check.message).toMatch(/renewed 6 months at a time/);
  });

  it('gives a mentor agreement without an end date the whole 6 months', () => {
    expect(checkReferralLength(OfferKind.MENTOR, '2026-08-31', null)).toMatchObject({ ok: true, endDate: '2027-02-28' });
  });

  it('leaves other kinds of offer without a legal maximum (open-ended allowed)', () => {
    for (const kind of [OfferKind.TREATMENT, OfferKind.UPSKILLING, OfferKind.CIVIL_SOCIETY]) {
      expect(offerRuleFor(kind, '2026-03-02')).toBeNull();
      expect(checkReferralLength(kind, '2026-03-02', '2028-03-02')).toEqual({ ok: true, rule: null, endDate: '2028-03-02' });
      expect(checkReferralLength(kind, '2026-03-02', null)).toEqual({ ok: true, rule: null, endDate: null });
    }
  });

  it('renews 6 months at a time from the day after the current end', () => {
    const rule = offerRuleFor(OfferKind.MENTOR, '2026-01-01')!;
    const first = renewedPeriod(rule, '2026-06-30')!;
    expect(first).toEqual({ agreementStart: '2026-07-01', endDate: '2026-12-31' });
    expect(agreementMaxEnd(rule, first.agreementStart)).toBe('2026-12-31');
    // A shorter first agreement is renewed by a whole new period after its own end.
    expect(renewedPeriod(rule, '2026-03-31')).toEqual({ agreementStart: '2026-04-01', endDate: '2026-09-30' });
  });

  it('judges a referral by the row in force on its start date', () => {
    const stricter: OfferRule = {
      ...OFFER_RULES[0],
      code: 'TEST-MENTOR-3M',
      maxLength: { amount: 3, unit: 'MONTHS' },
      effectiveFrom: '2027-01-01',
    };
    const table = [...OFFER_RULES, stricter];
    expect(offerRuleFor(OfferKind.MENTOR, '2026-12-31', table)?.code).toBe('LAB-167-MENTOR-6M');
    expect(offerRuleFor(OfferKind.MENTOR, '2027-01-01', table)?.code).toBe('TEST-MENTOR-3M');
    expect(checkReferralLength(OfferKind.MENTOR, '2027-01-01', '2027-04-01', table).ok).toBe(false);
    expect(checkReferralLength(OfferKind.MENTOR, '2026-12-31', '2027-06-30', table).ok).toBe(true);
  });
});

describe('referral lifecycle', () => {
  it.each([
    [S.PROPOSED, S.ACTIVE],
    [S.PROPOSED, S.CANCELLED],
    [S.ACTIVE, S.COMPLETED],
    [S.ACTIVE, S.CANCELLED],
  ])('allows %s → %s', (from, to) => expect(mayMove(from, to)).toBe(true));

  it.each([
    [S.PROPOSED, S.COMPLETED],
    [S.PROPOSED, S.PROPOSED],
    [S.ACTIVE, S.PROPOSED],
    [S.ACTIVE, S.ACTIVE],
    [S.COMPLETED, S.ACTIVE],
    [S.COMPLETED, S.CANCELLED],
    [S.CANCELLED, S.ACTIVE],
  ])('refuses %s → %s', (from, to) => expect(mayMove(from, to)).toBe(false));

  it('says what the referral can become instead', () => {
    expect(moveRefusal(S.PROPOSED, S.COMPLETED)).toBe(
      'A referral that is PROPOSED cannot become COMPLETED; it can only become ACTIVE or CANCELLED.',
    );
    expect(moveRefusal(S.COMPLETED, S.ACTIVE)).toMatch(/cannot be changed any more.*make a new referral/);
    expect(moveRefusal(S.ACTIVE, S.ACTIVE)).toMatch(/already ACTIVE/);
    expect(movesInto(S.CANCELLED)).toEqual([S.PROPOSED, S.ACTIVE]);
  });

  it('takes a coded result only when the referral ends', () => {
    expect(resultRefusal(S.COMPLETED, ReferralResult.WORK)).toBeNull();
    expect(resultRefusal(S.CANCELLED, ReferralResult.DROPPED_OUT)).toBeNull();
    expect(resultRefusal(S.ACTIVE, null)).toBeNull();
    expect(resultRefusal(S.ACTIVE, ReferralResult.WORK)).toMatch(/^result: /);
  });

  it('ends an active referral today, or on its agreed end when that has passed; a proposed one never ran', () => {
    const active = { status: S.ACTIVE, startDate: '2026-01-05', endDate: '2026-06-30' };
    expect(endedOnFor(active, '2026-03-10')).toBe('2026-03-10');
    expect(endedOnFor(active, '2026-08-01')).toBe('2026-06-30');
    expect(endedOnFor({ ...active, endDate: null }, '2026-08-01')).toBe('2026-08-01');
    expect(endedOnFor({ ...active, startDate: '2026-09-01' }, '2026-08-01')).toBe('2026-09-01');
    expect(endedOnFor({ ...active, status: S.PROPOSED }, '2026-03-10')).toBeNull();
  });
});
