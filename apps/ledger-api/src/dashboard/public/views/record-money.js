// Amounts in dong written the Vietnamese way: dots between thousands (1.500.000), no decimals. The body sends
// the integer; the box shows the grouping as the officer types.

/** 1500000 -> "1.500.000". */
export function formatVnd(value) {
  if (value === null || value === undefined || value === '') return '';
  const digits = String(Math.trunc(Number(value)));
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * "1.500.000", "1 500 000", "1500000 đ" -> 1500000; '' -> null; anything else (a comma, letters, decimals)
 * -> NaN, so that the form says what is wrong instead of guessing.
 */
export function parseVnd(text) {
  const raw = String(text ?? '')
    .replace(/(₫|đồng|đ|vnd)$/i, '')
    .trim();
  if (raw === '') return null;
  if (/^\d+$/.test(raw)) return Number(raw);
  if (/^\d{1,3}([.\s]\d{3})+$/.test(raw)) return Number(raw.replace(/[.\s]/g, ''));
  return Number.NaN;
}

/** Regroups the box's digits as they are typed, keeping the caret after the same digit. */
export function regroupAsTyped(input) {
  const before = input.value;
  const caret = input.selectionStart ?? before.length;
  const digitsBeforeCaret = before.slice(0, caret).replace(/\D/g, '').length;
  const digits = before.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  if (!/^\d*$/.test(digits) || /[^\d.\s]/.test(before)) return;
  const grouped = formatVnd(digits === '' ? '' : digits);
  if (grouped === before) return;
  input.value = grouped;
  let seen = 0;
  let at = 0;
  while (at < grouped.length && seen < digitsBeforeCaret) {
    if (/\d/.test(grouped[at])) seen++;
    at++;
  }
  input.setSelectionRange?.(at, at);
}
