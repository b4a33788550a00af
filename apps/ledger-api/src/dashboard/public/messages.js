// The status line under the header (read out by screen readers) and errors in words: 401 (sign in), 403 (this
// token may not read this), 429 (too many requests) and anything else with the API's own detail.
/* global document */
import { ApiError } from './api.js';
import { t } from './i18n.js';

const statusLine = document.getElementById('status');

export function setStatus(text) {
  statusLine.textContent = text;
}

// A message for the next view drawn (the sign-in page says "signed out" after the sign-out button).
let notice = '';

export function leaveNotice(text) {
  notice = text;
}

/** The message left for this view, once. */
export function takeNotice() {
  const text = notice;
  notice = '';
  return text;
}

/** Why a change (a form sent, a button pressed) was not made: the API's own words for what the user can fix. */
export function describeRefusal(error) {
  if (error instanceof ApiError && error.status < 500 && ![401, 403, 429].includes(error.status))
    return t('actionFailed', { detail: error.detail });
  return describeError(error);
}

export function describeError(error) {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('err401', { detail: error.detail });
    if (error.status === 403) return t('err403', { detail: error.detail });
    if (error.status === 429) return t('err429');
    return t('errorGeneric', { detail: error.detail });
  }
  return t('errorGeneric', { detail: error?.message || String(error) });
}
