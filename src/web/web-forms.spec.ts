import { isoDay, withDays } from './web-forms';

describe('isoDay: a day as Dutch people write it (issue 19)', () => {
  it.each([
    ['2027-03-01', '2027-03-01'],
    ['01-03-2027', '2027-03-01'],
    ['1-3-2027', '2027-03-01'],
    ['1/3/2027', '2027-03-01'],
    ['1 maart 2027', '2027-03-01'],
    [' 1  Maart 2027 ', '2027-03-01'],
    ['1 mrt 2027', '2027-03-01'],
    ['1 mrt. 2027', '2027-03-01'],
    ['maandag 1 maart 2027', '2027-03-01'],
    ['29 december 2026', '2026-12-29'],
  ])('reads %s as %s', (typed, iso) => expect(isoDay(typed)).toBe(iso));

  it.each(['31 februari 2027', 'zondag 1 maart 2027', 'morgen', '2027-3-1', ''])('leaves %s for validation to name', (typed) => expect(isoDay(typed)).toBe(typed));

  it('reads only the day fields of a form', () => {
    expect(withDays({ decidedOn: '1 maart 2027', documentDate: '2-3-2027', date: '3 mrt 2027', reference: '1-3-2027', tags: ['1-3-2027'] })).toEqual({ decidedOn: '2027-03-01', documentDate: '2027-03-02', date: '2027-03-03', reference: '1-3-2027', tags: ['1-3-2027'] });
  });
});
