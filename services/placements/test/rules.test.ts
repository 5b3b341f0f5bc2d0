import { addDays } from '@jobcenter/kit';
import { cvrFromInput, isValidCvr } from '../src/company/cvr.rules';
import { AttentionReason, PlacementKind, PlacementStatus } from '../src/placement/placement.enums';
import { attentionReasons, mayTransition, overlaps } from '../src/placement/placement.rules';
import { checkExtension, checkProposedLength, extensionLimit, PLACEMENT_RULES, PlacementRule, ruleFor } from '../src/rules/placement-rules';
import { TargetGroup } from '../src/target-group/target-group';
import { lastDayOfMonths, lastDayOfWeeks } from '@jobcenter/kit/calendar';

const K = PlacementKind;
const TG = TargetGroup;
const START = '2026-03-02'; // a Monday

describe('calendar periods (both ends included)', () => {
  it.each([
    ['2026-03-02', 4, '2026-03-29'],
    ['2026-03-02', 13, '2026-05-31'],
    ['2026-12-28', 1, '2027-01-03'],
  ])('%s + %i weeks ends %s', (start, weeks, end) => expect(lastDayOfWeeks(start, weeks)).toBe(end));

  it.each([
    ['2026-01-01', 6, '2026-06-30'],
    ['2026-03-02', 4, '2026-07-01'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-31', 6, '2026-09-30'],
    ['2026-11-15', 12, '2027-11-14'],
  ])('%s + %i months ends %s', (start, months, end) => expect(lastDayOfMonths(start, months)).toBe(end));
});

/** Every row of the table, each target group it covers: exactly the maximum passes, one day more is refused. */
const ROWS: [PlacementKind, TargetGroup, string, string][] = [
  // internship (virksomhedspraktik), LAB § 61
  [K.INTERNSHIP, TG.JOB_READY, '4 weeks', '2026-03-29'],
  [K.INTERNSHIP, TG.EDUCATION_READY, '4 weeks', '2026-03-29'],
  [K.INTERNSHIP, TG.UNEMPLOYMENT_INSURANCE, '4 weeks', '2026-03-29'],
  [K.INTERNSHIP, TG.NEW_GRADUATE, '8 weeks', '2026-04-26'],
  [K.INTERNSHIP, TG.ACTIVITY_READY, '13 weeks', '2026-05-31'],
  [K.INTERNSHIP, TG.EDUCATION_ACTIVITY_READY, '13 weeks', '2026-05-31'],
  [K.INTERNSHIP, TG.SICKNESS_BENEFIT, '13 weeks', '2026-05-31'],
  [K.INTERNSHIP, TG.RESOURCE_PROGRAMME, '13 weeks', '2026-05-31'],
  [K.INTERNSHIP, TG.JOB_CLARIFICATION, '13 weeks', '2026-05-31'],
  [K.INTERNSHIP, TG.INTEGRATION, '13 weeks', '2026-05-31'],
  // wage subsidy (løntilskud), LAB §§ 68–69
  [K.WAGE_SUBSIDY_PRIVATE, TG.JOB_READY, '6 months', '2026-09-01'],
  [K.WAGE_SUBSIDY_PUBLIC, TG.JOB_READY, '4 months', '2026-07-01'],
  [K.WAGE_SUBSIDY_PRIVATE, TG.UNEMPLOYMENT_INSURANCE, '4 months', '2026-07-01'],
  [K.WAGE_SUBSIDY_PUBLIC, TG.UNEMPLOYMENT_INSURANCE, '4 months', '2026-07-01'],
  [K.WAGE_SUBSIDY_PRIVATE, TG.NEW_GRADUATE, '4 months', '2026-07-01'],
  [K.WAGE_SUBSIDY_PUBLIC, TG.NEW_GRADUATE, '4 months', '2026-07-01'],
  [K.WAGE_SUBSIDY_PRIVATE, TG.ACTIVITY_READY, '6 months', '2026-09-01'],
  [K.WAGE_SUBSIDY_PUBLIC, TG.ACTIVITY_READY, '6 months', '2026-09-01'],
  [K.WAGE_SUBSIDY_PRIVATE, TG.EDUCATION_READY, '6 months', '2026-09-01'],
  [K.WAGE_SUBSIDY_PUBLIC, TG.EDUCATION_ACTIVITY_READY, '6 months', '2026-09-01'],
  [K.WAGE_SUBSIDY_PRIVATE, TG.SICKNESS_BENEFIT, '12 months', '2027-03-01'],
  [K.WAGE_SUBSIDY_PUBLIC, TG.SICKNESS_BENEFIT, '12 months', '2027-03-01'],
  [K.WAGE_SUBSIDY_PRIVATE, TG.RESOURCE_PROGRAMME, '12 months', '2027-03-01'],
  [K.WAGE_SUBSIDY_PUBLIC, TG.JOB_CLARIFICATION, '12 months', '2027-03-01'],
  [K.WAGE_SUBSIDY_PRIVATE, TG.INTEGRATION, '12 months', '2027-03-01'],
];

describe('the legal maximum lengths (LAB § 61, §§ 68–69), started 2 March 2026', () => {
  it.each(ROWS)('%s for %s: %s, exactly to %s is allowed', (kind, group, _length, lastDay) => {
    expect(checkProposedLength(kind, group, START, lastDay)).toMatchObject({ ok: true });
  });

  it.each(ROWS)('%s for %s: %s, one day past %s is refused naming rule, limit and date', (kind, group, length, lastDay) => {
    const check = checkProposedLength(kind, group, START, addDays(lastDay, 1));
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.latestEndDate).toBe(lastDay);
    expect(check.message).toContain(check.rule!.code);
    expect(check.message).toContain(check.rule!.source);
    expect(check.message).toContain(length);
    expect(check.message).toContain(lastDay);
  });

  it('covers every row of the table with at least one case', () => {
    const covered = new Set(ROWS.map(([kind, group]) => ruleFor(kind, group, START)!.code));
    expect([...covered].sort()).toEqual(PLACEMENT_RULES.map((r) => r.code).sort());
  });

  it('rejects a 14-week internship for an activity-ready citizen, naming LAB § 61 and 13 weeks', () => {
    const check = checkProposedLength(K.INTERNSHIP, TG.ACTIVITY_READY, START, lastDayOfWeeks(START, 14));
    expect(check).toMatchObject({ ok: false, latestEndDate: '2026-05-31' });
    expect(!check.ok && check.message).toMatch(/LAB § 61.*13 weeks.*2026-05-31.*extended with a justification, up to 26 weeks/);
  });

  it('has no rule for internships or wage subsidy under family support, and says so', () => {
    const check = checkProposedLength(K.INTERNSHIP, TG.FAMILY_SUPPORT, START, '2026-03-10');
    expect(check).toMatchObject({ ok: false, rule: null, latestEndDate: null });
    expect(!check.ok && check.message).toMatch(/No rule in force on 2026-03-02 allows INTERNSHIP for target group FAMILY_SUPPORT/);
  });

  it.each([K.ORDINARY_JOB, K.FLEXJOB])('sets no legal maximum for %s', (kind) => {
    expect(checkProposedLength(kind, TG.JOB_READY, START, '2036-01-01')).toEqual({ ok: true, rule: null });
    expect(checkExtension(kind, TG.JOB_READY, START, '2026-06-01', '2040-01-01')).toEqual({ ok: true, rule: null });
  });

  it('refuses a placement that starts before the law the rules come from was in force', () => {
    expect(checkProposedLength(K.INTERNSHIP, TG.JOB_READY, '2019-12-30', '2020-01-05').ok).toBe(false);
  });
});

describe('versioned rules: the row in force on the start date applies', () => {
  const reform: PlacementRule = {
    ...ruleFor(K.INTERNSHIP, TG.JOB_READY, START)!,
    code: 'REFORM-2027-INTERNSHIP-6W',
    maxLength: { amount: 6, unit: 'WEEKS' },
    effectiveFrom: '2027-01-01',
    source: 'LAB § 61 as amended 2027 (example)',
  };
  const table = [...PLACEMENT_RULES, reform];

  it('uses the old row for a start on the day before the new one takes effect', () => {
    expect(ruleFor(K.INTERNSHIP, TG.JOB_READY, '2026-12-31', table)!.code).toBe('LAB-61-INTERNSHIP-4W');
    expect(checkProposedLength(K.INTERNSHIP, TG.JOB_READY, '2026-12-31', lastDayOfWeeks('2026-12-31', 5), table).ok).toBe(false);
  });

  it('uses the new row from its effective date', () => {
    expect(ruleFor(K.INTERNSHIP, TG.JOB_READY, '2027-01-01', table)!.code).toBe('REFORM-2027-INTERNSHIP-6W');
    expect(checkProposedLength(K.INTERNSHIP, TG.JOB_READY, '2027-01-01', '2027-02-11', table).ok).toBe(true);
    expect(checkProposedLength(K.INTERNSHIP, TG.JOB_READY, '2027-01-01', '2027-02-12', table).ok).toBe(false);
  });
});

describe('extensions (LAB § 61: the 13-week groups up to 26 weeks when justified, then 13 weeks at a time)', () => {
  const rule13 = ruleFor(K.INTERNSHIP, TG.ACTIVITY_READY, START)!;
  const week13 = lastDayOfWeeks(START, 13);
  const week26 = lastDayOfWeeks(START, 26); // 2026-08-30

  it('allows extending a 13-week internship to exactly 26 weeks, not a day more', () => {
    expect(week26).toBe('2026-08-30');
    expect(checkExtension(K.INTERNSHIP, TG.ACTIVITY_READY, START, week13, week26).ok).toBe(true);
    const refused = checkExtension(K.INTERNSHIP, TG.ACTIVITY_READY, START, week13, addDays(week26, 1));
    expect(refused).toMatchObject({ ok: false, latestEndDate: week26 });
    expect(!refused.ok && refused.message).toMatch(/LAB-61-INTERNSHIP-13W.*26 weeks.*13 weeks at a time.*2026-08-30/);
  });

  it('then allows 13 more weeks at a time beyond the current end', () => {
    expect(extensionLimit(rule13, START, week26)).toBe(addDays(week26, 91));
    expect(checkExtension(K.INTERNSHIP, TG.ACTIVITY_READY, START, week26, addDays(week26, 91)).ok).toBe(true);
    expect(checkExtension(K.INTERNSHIP, TG.ACTIVITY_READY, START, week26, addDays(week26, 92)).ok).toBe(false);
  });

  it('lets a 4-week group reach its maximum but never pass it', () => {
    expect(checkExtension(K.INTERNSHIP, TG.JOB_READY, START, '2026-03-15', '2026-03-29').ok).toBe(true);
    const refused = checkExtension(K.INTERNSHIP, TG.JOB_READY, START, '2026-03-15', '2026-03-30');
    expect(refused).toMatchObject({ ok: false, latestEndDate: '2026-03-29' });
    expect(!refused.ok && refused.message).toMatch(/cannot be extended beyond that/);
  });

  it('does not extend wage subsidy past its maximum', () => {
    expect(checkExtension(K.WAGE_SUBSIDY_PRIVATE, TG.JOB_READY, START, '2026-08-01', '2026-09-01').ok).toBe(true);
    expect(checkExtension(K.WAGE_SUBSIDY_PRIVATE, TG.JOB_READY, START, '2026-08-01', '2026-09-02').ok).toBe(false);
  });
});

describe('CVR numbers (modulus-11, weights 2,7,6,5,4,3,2,1)', () => {
  it.each(['35182101', '29143366', '10173426', '12345674'])('accepts %s', (cvr) => expect(isValidCvr(cvr)).toBe(true));
  it.each([
    ['a failing check digit', '35182102'],
    ['seven digits', '3518210'],
    ['nine digits', '351821011'],
    ['letters', '3518210A'],
    ['empty', ''],
  ])('rejects %s', (_what, cvr) => expect(isValidCvr(cvr)).toBe(false));

  it('accepts spaces and a DK prefix as typed, and names the field when wrong', () => {
    expect(cvrFromInput('DK 35 18 21 01')).toBe('35182101');
    expect(() => cvrFromInput('35182102')).toThrow(/modulus-11/);
    expect(() => cvrFromInput('1234')).toThrow(/exactly 8 digits/);
  });
});

describe('the lifecycle and what needs attention', () => {
  it('allows only PROPOSED → AGREED → ACTIVE → COMPLETED, and cancelling before completion', () => {
    expect(mayTransition('agree', PlacementStatus.PROPOSED)).toBe(true);
    expect(mayTransition('start', PlacementStatus.PROPOSED)).toBe(false);
    expect(mayTransition('start', PlacementStatus.AGREED)).toBe(true);
    expect(mayTransition('complete', PlacementStatus.AGREED)).toBe(false);
    expect(mayTransition('complete', PlacementStatus.ACTIVE)).toBe(true);
    expect(mayTransition('cancel', PlacementStatus.AGREED)).toBe(true);
    expect(mayTransition('cancel', PlacementStatus.COMPLETED)).toBe(false);
    expect(mayTransition('agree', PlacementStatus.CANCELLED)).toBe(false);
  });

  it('treats periods sharing one day as overlapping', () => {
    expect(overlaps({ startDate: '2026-03-01', endDate: '2026-03-10' }, { startDate: '2026-03-10', endDate: '2026-04-01' })).toBe(true);
    expect(overlaps({ startDate: '2026-03-01', endDate: '2026-03-10' }, { startDate: '2026-03-11', endDate: '2026-04-01' })).toBe(false);
  });

  const active = (startDate: string, endDate: string) => ({ status: PlacementStatus.ACTIVE, startDate, endDate });
  const today = '2026-06-15';
  it('flags no follow-up for more than 14 days, counting from the start', () => {
    expect(attentionReasons(active('2026-05-01', '2026-08-01'), '2026-06-01', today)).toEqual([]);
    expect(attentionReasons(active('2026-05-01', '2026-08-01'), '2026-05-31', today)).toEqual([AttentionReason.NO_RECENT_FOLLOW_UP]);
    expect(attentionReasons(active('2026-06-05', '2026-08-01'), null, today)).toEqual([]);
    expect(attentionReasons(active('2026-05-01', '2026-08-01'), null, today)).toEqual([AttentionReason.NO_RECENT_FOLLOW_UP]);
  });

  it('flags ending within 14 days, and past the end date', () => {
    expect(attentionReasons(active('2026-06-01', '2026-06-29'), '2026-06-14', today)).toEqual([AttentionReason.ENDING_SOON]);
    expect(attentionReasons(active('2026-06-01', '2026-06-30'), '2026-06-14', today)).toEqual([]);
    expect(attentionReasons(active('2026-06-01', '2026-06-14'), '2026-06-14', today)).toEqual([AttentionReason.PAST_END_DATE]);
  });

  it('never flags placements that are not ACTIVE', () => {
    expect(attentionReasons({ status: PlacementStatus.AGREED, startDate: '2026-01-01', endDate: '2026-06-20' }, null, today)).toEqual([]);
  });
});
