import {
  columnVisibilityFeature,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
  type ColumnVisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnChooser } from './ColumnChooser';

// Column of a DataTable: the header is already translated, `value` gives what the column
// sorts by, `cell` how it is shown (defaults to the value as text).
export type DataColumn<T> = {
  id: string;
  header: string;
  value: (row: T) => unknown;
  cell?: (row: T) => ReactNode;
  align?: 'start' | 'end';
  sortable?: boolean; // default true
  total?: ReactNode; // the totals row's cell
  width?: number;
  sortTitle?: string; // the header button's tooltip when "Sort by <header>" says too little
};

type Props<T> = {
  caption: string; // the table's accessible name
  columns: DataColumn<T>[];
  data: T[];
  rowId: (row: T, index: number) => string;
  showTotals?: boolean;
  columnChooser?: boolean;
  // Controlled hidden columns (e.g. kept in the URL); uncontrolled when omitted.
  hidden?: string[];
  onHiddenChange?: (hidden: string[]) => void;
  sorting?: SortingState;
  onSortingChange?: (s: SortingState) => void;
  // The data already comes in the sorting's order (the API sorted it): show it as is.
  manualSorting?: boolean;
  // A header click only flips the direction: the table is never without an order (the
  // tracking rows always come in the API's order underneath).
  alwaysSorted?: boolean;
  // Called when the last rows come into view: the next page of an infinite list.
  onEndReached?: () => void;
  height?: number;
  rowHeight?: number;
  toolbar?: ReactNode;
};

const features = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text, basic: sortFn_basic },
});

type Row = Record<string, unknown>;

// compareValues puts empty cells last whatever the direction would otherwise say about them,
// and compares numbers as numbers and everything else as locale-independent text.
function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = a === null || a === undefined ? '' : Array.isArray(a) ? a.join(', ') : String(a);
  const sb = b === null || b === undefined ? '' : Array.isArray(b) ? b.join(', ') : String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

// DataTable is a sortable, virtualized table: only the rows in view are in the DOM, kept
// inside a real <table> (spacer rows above and below) so screen readers and column widths
// behave as in any table.
export function DataTable<T>(props: Props<T>) {
  const {
    caption,
    columns,
    data,
    rowId,
    showTotals,
    columnChooser,
    onEndReached,
    height = 560,
    rowHeight = 34,
    toolbar,
  } = props;
  const { t } = useTranslation();
  const captionId = useId();
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const [localHidden, setLocalHidden] = useState<string[]>([]);
  // A sort by a column the table doesn't have (a shared URL from another media) is no sort.
  const sorting = useMemo(
    () => (props.sorting ?? localSorting).filter((s) => columns.some((c) => c.id === s.id)),
    [props.sorting, localSorting, columns],
  );
  const hidden = props.hidden ?? localHidden;

  const defs = useMemo(
    () =>
      columns.map(
        (c) =>
          ({
            id: c.id,
            header: c.header,
            accessorFn: (r: Row) => c.value(r as T),
            enableSorting: c.sortable !== false,
            sortFn: (ra: { original: Row }, rb: { original: Row }) =>
              compareValues(c.value(ra.original as T), c.value(rb.original as T)),
          }) as unknown as ColumnDef<typeof features, Row>,
      ),
    [columns],
  );
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);
  const visibility = useMemo<ColumnVisibilityState>(() => Object.fromEntries(hidden.map((h) => [h, false])), [hidden]);

  const table = useTable({
    features,
    columns: defs,
    data: data as Row[],
    getRowId: (r: Row, i: number) => rowId(r as T, i),
    state: { sorting, columnVisibility: visibility },
    onSortingChange: (u) => {
      const next = typeof u === 'function' ? u(sorting) : u;
      if (props.onSortingChange) props.onSortingChange(next);
      else setLocalSorting(next);
    },
    // Visibility is owned by `hidden` (the column chooser writes it, often into the URL).
    onColumnVisibilityChange: () => {},
    enableMultiSort: false,
    enableSortingRemoval: !props.alwaysSorted,
    manualSorting: props.manualSorting ?? false,
  });

  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const last = items[items.length - 1];

  useEffect(() => {
    if (onEndReached && last && last.index >= rows.length - 5) onEndReached();
  }, [last, rows.length, onEndReached]);

  const visible = table.getVisibleLeafColumns();
  const padTop = items[0]?.start ?? 0;
  const padBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  function setHidden(next: string[]) {
    if (props.onHiddenChange) props.onHiddenChange(next);
    else setLocalHidden(next);
  }

  return (
    <div className="data-table">
      {(toolbar || columnChooser) && (
        <div className="table-toolbar">
          {toolbar}
          {columnChooser && (
            <ColumnChooser
              columns={columns.map((c) => ({ id: c.id, label: c.header }))}
              hidden={hidden}
              onChange={setHidden}
            />
          )}
        </div>
      )}
      <div
        ref={scrollRef}
        className="table-scroll"
        style={{ maxHeight: height }}
        tabIndex={0}
        role="region"
        aria-labelledby={captionId}
      >
        <table>
          <caption id={captionId} className="visually-hidden">
            {caption}
          </caption>
          <thead>
            <tr>
              {visible.map((col) => {
                const c = byId.get(col.id);
                const dir = col.getIsSorted();
                const sortable = col.getCanSort();
                return (
                  <th
                    key={col.id}
                    scope="col"
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : undefined}
                    className={c?.align === 'end' ? 'num' : undefined}
                    style={c?.width ? { minWidth: c.width } : undefined}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="sort"
                        onClick={col.getToggleSortingHandler()}
                        title={c?.sortTitle ?? t('table.sortBy', { column: c?.header ?? col.id })}
                      >
                        {c?.header ?? col.id}
                        <span aria-hidden="true" className="sort-mark">
                          {dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      (c?.header ?? col.id)
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={visible.length} style={{ height: padTop }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const original = row.original as T;
              return (
                <tr key={row.id} data-index={item.index} style={{ height: rowHeight }}>
                  {visible.map((col) => {
                    const c = byId.get(col.id);
                    if (!c) return <td key={col.id} />;
                    return (
                      <td key={col.id} className={c.align === 'end' ? 'num' : undefined}>
                        {c.cell ? c.cell(original) : displayValue(c.value(original))}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={visible.length} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
          {showTotals && (
            <tfoot>
              <tr className="totals">
                {visible.map((col, i) => {
                  const c = byId.get(col.id);
                  return (
                    <td key={col.id} className={c?.align === 'end' ? 'num' : undefined}>
                      {c?.total ?? (i === 0 ? t('table.total') : null)}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  );
}

function displayValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}
