// What "Xuất CSV / Export CSV" downloads: the view on screen says which table it shows (setExportable, null
// while a view loads or when it has none), and the button writes it as a CSV file.
import { download, toCsv } from './csv.js';
import { t } from './i18n.js';
import { setStatus } from './messages.js';

let current = null;

/** exportable: {name, columns: [[key, label]], rows: [{key: value}], extra?: [{title, columns, rows}]} */
export function setExportable(exportable) {
  current = exportable;
}

/** The table the view on screen exports (a view may add to it once more of it is loaded); null if none. */
export const exportable = () => current;

/** Downloads the view's table, and says so in the status line (or that there is nothing to export). */
export function exportView() {
  if (!current) {
    setStatus(t('exportNothing'));
    return;
  }
  const file = `${current.name}.csv`;
  download(file, toCsv(current));
  setStatus(t('exported', { rows: current.rows.length, file }));
}
