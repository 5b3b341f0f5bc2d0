import { ReactNode, useMemo, useState } from 'react';
import { useT } from '../i18n/I18n';

export interface Column<Row> {
  key: string;
  label: string;
  /** What the column sorts by; a column without it does not sort. */
  sortValue?: (row: Row) => string | number | null | undefined;
  render: (row: Row) => ReactNode;
  /** The row's header cell (the person's name), for screen readers' row announcements. */
  rowHeader?: boolean;
}

/**
 * A table whose column headers are buttons that sort it (aria-sort tells which way); empty
 * values sort last. The caption names the table for screen readers.
 */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; direction: 'ascending' | 'descending' };
}) {
  const t = useT();
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column?.sortValue || !sort) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = column.sortValue!(a);
      const y = column.sortValue!(b);
      if (x == null || x === '') return y == null || y === '' ? 0 : 1;
      if (y == null || y === '') return -1;
      return (x < y ? -1 : x > y ? 1 : 0) * sign;
    });
  }, [rows, columns, sort]);
  const toggle = (key: string) =>
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? sort.direction : undefined}>
                {c.sortValue ? (
                  <button type="button" className="sort" onClick={() => toggle(c.key)}>
                    {c.label}
                    <span aria-hidden="true">{sort?.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
                    <span className="visually-hidden">{t('table.sortBy')}</span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.key} scope="row">
                    {c.render(row)}
                  </th>
                ) : (
                  <td key={c.key}>{c.render(row)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
