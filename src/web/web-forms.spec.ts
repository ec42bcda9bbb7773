import { isoDay, pairRows, rowsToShow, rowsWithContent, withDays } from './web-forms';

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

  it('reads only the day fields of a form, a row’s date among them', () => {
    expect(withDays({ decidedOn: '1 maart 2027', documentDate: '2-3-2027', date: '3 mrt 2027', 'timeline.0.date': '4-3-2027', reference: '1-3-2027', tags: ['1-3-2027'] })).toEqual({ decidedOn: '2027-03-01', documentDate: '2027-03-02', date: '2027-03-03', 'timeline.0.date': '2027-03-04', reference: '1-3-2027', tags: ['1-3-2027'] });
  });

  it('reads a list of pairs from its rows, the empty ones dropped, and knows which row of the form each one sent was', () => {
    const form = { 'threats.0.threat': '', 'threats.0.mitigation': '', 'threats.1.threat': 'Lage opkomst', 'threats.1.mitigation': '', 'threats.2.threat': 'Onrust', 'threats.2.mitigation': 'Tijdig informeren' };
    expect(pairRows(form, 'threats')).toEqual([{ threat: 'Lage opkomst', mitigation: '' }, { threat: 'Onrust', mitigation: 'Tijdig informeren' }]);
    expect(rowsWithContent(form, 'threats')).toEqual([1, 2]);
    expect(rowsToShow('threats', [{ threat: 'Opgeslagen', mitigation: 'x' }], null, true)).toEqual([{ threat: 'Opgeslagen', mitigation: 'x' }, {}, {}]);
  });
});
