import { CellSuppression, cellsToWithhold, isSmallCell, MIN_CELL_SIZE } from '../src/statistics';

const cells = (counts: Record<string, number>) => Object.entries(counts).map(([key, count]) => ({ key, count }));

describe('small-cell suppression', () => {
  it('withholds 1 to 4 people, never 0 and never 5', () => {
    expect(MIN_CELL_SIZE).toBe(5);
    expect([0, 1, 4, 5, 6].map((n) => isSmallCell(n))).toEqual([false, true, true, false, false]);
    const s = new CellSuppression();
    expect([s.count('none', 0), s.count('one', 1), s.count('four', 4), s.count('five', 5)]).toEqual([0, 0, 0, 5]);
    expect(s.suppressed).toEqual(['one', 'four']);
  });

  it('judges a count of events by the people behind them', () => {
    const s = new CellSuppression();
    // Nine no-shows of two citizens describe two people; five meetings of five citizens are shown.
    expect(s.count('noShow', { count: 9, people: 2 })).toBe(0);
    expect(s.count('held', { count: 5, people: 5 })).toBe(5);
    expect(s.suppressed).toEqual(['noShow']);
  });

  it('shows a breakdown with no small cell as it is, zeros included', () => {
    const s = new CellSuppression();
    expect(s.breakdown('byStatus', cells({ ACTIVE: 5, PAUSED: 0, CLOSED: 12 }))).toEqual(cells({ ACTIVE: 5, PAUSED: 0, CLOSED: 12 }));
    expect(s.suppressed).toEqual([]);
  });

  it('withholds the next smallest cell too when one cell is small, so the total cannot reveal it', () => {
    const s = new CellSuppression();
    const shown = s.breakdown('byTargetGroup', cells({ YOUTH: 2, SICKNESS: 0, JOB_READY: 30, RESOURCE: 7, FAMILY: 9 }));
    expect(shown).toEqual(cells({ SICKNESS: 0, JOB_READY: 30, FAMILY: 9 }));
    expect(s.suppressed).toEqual(['byTargetGroup.YOUTH', 'byTargetGroup.RESOURCE']);
  });

  it('withholds more while the withheld cells together hold fewer than 5', () => {
    // 1 + 1 withheld would let total − shown say "two cells of one person each".
    expect([...cellsToWithhold(cells({ A: 1, B: 1, C: 6, D: 20 }))]).toEqual(['A', 'B', 'C']);
    // 4 + 3 = 7: two withheld cells holding 7 are enough.
    expect([...cellsToWithhold(cells({ A: 4, B: 3, C: 6 }))]).toEqual(['A', 'B']);
  });

  it('withholds every non-zero cell when all are small', () => {
    const s = new CellSuppression();
    expect(s.breakdown('byKind', cells({ A: 1, B: 0, C: 3, D: 4 }))).toEqual(cells({ B: 0 }));
    expect(s.suppressed).toEqual(['byKind.A', 'byKind.C', 'byKind.D']);
  });

  it('withholds a lone small cell even when there is nothing to hide it behind', () => {
    expect([...cellsToWithhold(cells({ A: 3, B: 0 }))]).toEqual(['A']);
  });

  it('nulls a rate over fewer than 5 people or computed from a small count, and lists it', () => {
    const s = new CellSuppression();
    expect(s.rate('fewPeople', 0.5, { over: 4 })).toBeNull();
    expect(s.rate('smallPart', 0.9, { over: 10, from: [9, 1] })).toBeNull();
    expect(s.rate('eventsOfFew', 0.8, { over: { count: 20, people: 3 } })).toBeNull();
    expect(s.rate('shown', 0.6, { over: 10, from: [6, 4 + 1] })).toBe(0.6);
    expect(s.rate('nothing', null, { over: 0 })).toBeNull();
    expect(s.suppressed).toEqual(['fewPeople', 'smallPart', 'eventsOfFew']);
  });

  it('withholds two cells of a breakdown whose total is withheld elsewhere, even when none is small', () => {
    const s = new CellSuppression();
    expect(s.breakdown('byKind', cells({ A: 9, B: 6, C: 20 }), { hideOne: true })).toEqual(cells({ C: 20 }));
    expect(s.suppressed).toEqual(['byKind.A', 'byKind.B']);
  });

  it('suppresses among parts of a total, listing only the parts that are fields', () => {
    const s = new CellSuppression();
    // completed = 30: 20 to employment, 7 to education, 3 otherwise. "other" is no field, but
    // completed − employment − education would reveal it, so education goes with it.
    expect(s.parts(cells({ toEmployment: 20, toEducation: 7, other: 3 }), ['other'])).toEqual({
      toEmployment: 20,
      toEducation: 0,
      other: 0,
    });
    expect(s.suppressed).toEqual(['toEducation']);
  });
});
