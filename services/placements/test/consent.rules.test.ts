import { ConsentPartyKind } from '../src/consent/consent.enums';
import { checkConsentInput, ConsentFacts, consentFor, covers, inForce } from '../src/consent/consent.rules';

const K = ConsentPartyKind;
const TODAY = '2026-12-07';
const NOW = new Date('2026-12-07T10:00:00Z');
const consent = (over: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 'c1',
  partyKind: K.EMPLOYER,
  companyId: 'workshop',
  providerId: null,
  from: '2026-11-01',
  to: null,
  withdrawnAt: null,
  ...over,
});

describe('inForce', () => {
  it('applies from its first to its last day, both included', () => {
    expect(inForce(consent({ from: TODAY }), TODAY, NOW)).toBe(true);
    expect(inForce(consent({ to: TODAY }), TODAY, NOW)).toBe(true);
    expect(inForce(consent({ from: '2026-12-08' }), TODAY, NOW)).toBe(false);
    expect(inForce(consent({ to: '2026-12-06' }), TODAY, NOW)).toBe(false);
  });

  it('ends at the moment it is withdrawn, not at midnight', () => {
    expect(inForce(consent({ withdrawnAt: new Date('2026-12-07T09:59:59Z') }), TODAY, NOW)).toBe(false);
    expect(inForce(consent({ withdrawnAt: new Date('2026-12-07T10:00:00Z') }), TODAY, NOW)).toBe(false);
  });
});

describe('covers / consentFor', () => {
  it('an EMPLOYER consent covers only the company it names', () => {
    expect(covers(consent(), { kind: 'EMPLOYER', companyId: 'workshop' })).toBe(true);
    expect(covers(consent(), { kind: 'EMPLOYER', companyId: 'faber' })).toBe(false);
    expect(covers(consent({ partyKind: K.OTHER }), { kind: 'EMPLOYER', companyId: 'workshop' })).toBe(false);
  });

  it('a PROVIDER or ASSOCIATION consent covers only the provider it names', () => {
    const forProvider = consent({ partyKind: K.ASSOCIATION, companyId: null, providerId: 'p1' });
    expect(covers(forProvider, { kind: 'PROVIDER', providerId: 'p1' })).toBe(true);
    expect(covers({ ...forProvider, partyKind: K.PROVIDER }, { kind: 'PROVIDER', providerId: 'p1' })).toBe(true);
    expect(covers(forProvider, { kind: 'PROVIDER', providerId: 'p2' })).toBe(false);
    expect(covers({ ...forProvider, partyKind: K.DOCTOR }, { kind: 'PROVIDER', providerId: 'p1' })).toBe(false);
  });

  it('finds the covering consent in force, the longest-running first, and none when all are withdrawn or ended', () => {
    const short = consent({ id: 'short', to: '2026-12-31' });
    const open = consent({ id: 'open' });
    const withdrawn = consent({ id: 'gone', withdrawnAt: new Date('2026-12-01T00:00:00Z') });
    expect(consentFor([short, open, withdrawn], { kind: 'EMPLOYER', companyId: 'workshop' }, TODAY, NOW)?.id).toBe('open');
    expect(consentFor([withdrawn], { kind: 'EMPLOYER', companyId: 'workshop' }, TODAY, NOW)).toBeNull();
  });
});

describe('checkConsentInput', () => {
  it('refuses dates in reverse order at `to`', () => {
    expect(checkConsentInput({ from: TODAY, to: '2026-12-06' })).toMatchObject({ ok: false, field: 'to' });
    expect(checkConsentInput({ from: TODAY, to: TODAY })).toEqual({ ok: true, partyKind: K.OTHER });
  });

  it('takes the kind from what is named, and refuses a kind that does not match it', () => {
    expect(checkConsentInput({ from: TODAY, companyId: 'c' })).toEqual({ ok: true, partyKind: K.EMPLOYER });
    expect(checkConsentInput({ from: TODAY, providerId: 'p' })).toEqual({ ok: true, partyKind: K.PROVIDER });
    expect(checkConsentInput({ from: TODAY, providerId: 'p', partyKind: K.ASSOCIATION })).toEqual({ ok: true, partyKind: K.ASSOCIATION });
    expect(checkConsentInput({ from: TODAY, companyId: 'c', partyKind: K.DOCTOR })).toMatchObject({ ok: false, field: 'companyId' });
    expect(checkConsentInput({ from: TODAY, providerId: 'p', partyKind: K.EMPLOYER })).toMatchObject({ ok: false, field: 'providerId' });
    expect(checkConsentInput({ from: TODAY, providerId: 'p', companyId: 'c' })).toMatchObject({ ok: false, field: 'providerId' });
  });
});
