import { isEnumType } from 'graphql';
import da from '@jobcenter/labels/da.json';
import en from '@jobcenter/labels/en.json';
import { recordSectionsOf } from '@jobcenter/kit';
import { subgraphs } from '@jobcenter/scripts/services';
import { apiSchema } from '../../src/operations';

/**
 * The words for codes (`@jobcenter/labels`), which the workbench and the record PDF share: both
 * languages name the same codes, every code list a record section names exists, and every value
 * of the federation's enums that has a list has a word in it, so a new value shows up here
 * rather than as a bare code in a citizen's PDF.
 */
const lists = (labels: Record<string, Record<string, string>>) =>
  Object.fromEntries(Object.entries(labels).map(([list, words]) => [list, Object.keys(words).sort()]));

it('names the same codes in Danish and English, each with a word', () => {
  expect(lists(en)).toEqual(lists(da));
  for (const labels of [da, en] as Record<string, Record<string, string>>[])
    for (const words of Object.values(labels)) for (const word of Object.values(words)) expect(word.trim()).not.toBe('');
});

it('has every code list a record section names, for a column the PDF shows', () => {
  const problems: string[] = [];
  for (const definition of subgraphs) {
    for (const section of recordSectionsOf(definition.record ?? { sections: [] })) {
      for (const [column, list] of Object.entries(section.codes ?? {})) {
        if (!(list in da)) problems.push(`${definition.name}.${section.name}.${column}: no list ${list}`);
        if (section.columns && !(column in section.columns)) problems.push(`${definition.name}.${section.name}.${column}: not shown`);
      }
    }
  }
  expect(problems).toEqual([]);
});

it('has a word for every value of the enums the lists stand for', () => {
  const enums = new Map(
    Object.values(apiSchema().getTypeMap()).flatMap((t) => (isEnumType(t) ? [[t.name, t.getValues().map((v) => v.value as string)]] : [])),
  );
  // A list stands for the enum of its name (targetGroup: TargetGroup), but for these two.
  const enumOf: Record<string, string> = { role: 'StaffRole', referralKind: 'OfferKind' };
  const missing: string[] = [];
  let compared = 0;
  for (const [list, words] of Object.entries(da as Record<string, Record<string, string>>)) {
    const values = enums.get(enumOf[list] ?? list[0].toUpperCase() + list.slice(1));
    if (!values) continue;
    compared += 1;
    for (const value of values) if (!(value in words)) missing.push(`${list}.${value}`);
  }
  expect(missing).toEqual([]);
  expect(compared).toBeGreaterThanOrEqual(26);
});
