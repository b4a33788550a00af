// Focus after navigation: once a view is drawn, keyboard and screen reader users start at its heading.
/* global document */

let firstView = true;

/**
 * After the first view (the page load keeps the browser's own focus), moves focus to the new view's heading,
 * but not while the user is in the header's controls (the date picker, the area), whose change drew it.
 */
export function focusViewHeading(main) {
  const heading = main.querySelector('h1');
  const inControls = document.getElementById('controls').contains(document.activeElement);
  if (heading && !firstView && !inControls) heading.focus({ preventScroll: true });
  firstView = false;
}
