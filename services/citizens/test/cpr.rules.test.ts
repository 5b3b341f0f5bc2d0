import { centuryOf, CprError, formatCpr, maskCpr, parseCpr } from '../src/cpr/cpr.rules';

const TODAY = '2026-11-23';

describe('CPR century rules (7th digit with the year)', () => {
  it.each([
    ['0: 1900–1999', '010100-0001', '1900-01-01'],
    ['3: 1900–1999', '311299-3999', '1999-12-31'],
    ['4 with YY ≤ 36: 2000s', '150520-4001', '2020-05-15'],
    ['4 with YY > 36: 1900s', '150537-4001', '1937-05-15'],
    ['9 with YY ≤ 36: 2000s', '010101-9001', '2001-01-01'],
    ['9 with YY > 36: 1900s', '010170-9001', '1970-01-01'],
    ['5 with YY ≤ 57: 2000s', '010110-5001', '2010-01-01'],
    ['8 with YY ≤ 57: 2000s', '010125-8001', '2025-01-01'],
    ['5 with YY > 57: 1800s', '010160-5001', '1860-01-01'],
    ['8 with YY > 57: 1800s', '311299-8001', '1899-12-31'],
  ])('century band %s: %s is born %s', (_band, cpr, birthDate) => {
    expect(parseCpr(cpr, TODAY).birthDate).toBe(birthDate);
  });

  it('follows the table at the band edges', () => {
    expect(centuryOf(4, 36)).toBe(2000);
    expect(centuryOf(4, 37)).toBe(1900);
    expect(centuryOf(9, 36)).toBe(2000);
    expect(centuryOf(6, 57)).toBe(2000);
    expect(centuryOf(7, 58)).toBe(1800);
    expect(centuryOf(2, 10)).toBe(1900);
  });
});

describe('CPR formats and validation', () => {
  it('accepts DDMMYYSSSS and DDMMYY-SSSS and stores them the same way', () => {
    expect(parseCpr('2309941017', TODAY).digits).toBe('2309941017');
    expect(parseCpr('230994-1017', TODAY).digits).toBe('2309941017');
    expect(parseCpr(' 230994-1017 ', TODAY).digits).toBe('2309941017');
  });

  it('does not apply the modulus-11 check (numbers issued since 2007 fail it)', () => {
    // 230994-1018 fails modulus 11 but is a valid number.
    expect(parseCpr('230994-1018', TODAY).birthDate).toBe('1994-09-23');
  });

  it('derives legal gender from the last digit', () => {
    expect(parseCpr('230994-1017', TODAY).legalGender).toBe('MALE');
    expect(parseCpr('020787-1428', TODAY).legalGender).toBe('FEMALE');
  });

  it.each([
    ['a date that does not exist', '310494-1017'],
    ['29 February in a non-leap year', '290223-4001'],
    ['month 13', '011394-1017'],
    ['day 00', '000194-1017'],
  ])('rejects %s', (_what, cpr) => {
    expect(() => parseCpr(cpr, TODAY)).toThrow(/does not exist/);
  });

  it('accepts 29 February in a leap year (2000 via digit 4)', () => {
    expect(parseCpr('290200-4001', TODAY).birthDate).toBe('2000-02-29');
  });

  it('rejects 29 February 1900 (not a leap year)', () => {
    expect(() => parseCpr('290200-0001', TODAY)).toThrow(CprError);
  });

  it.each(['23099-41017', '230994_1017', '230994-101', 'abcdefghij', '', '230994--1017'])('rejects the shape %j', (cpr) => {
    expect(() => parseCpr(cpr, TODAY)).toThrow(/10 digits/);
  });

  it('rejects a birth date in the future', () => {
    expect(() => parseCpr('010130-4001', TODAY)).toThrow(/future/);
  });

  it('formats and masks', () => {
    expect(formatCpr('2309941017')).toBe('230994-1017');
    expect(maskCpr('2309941017')).toBe('230994-****');
  });
});
