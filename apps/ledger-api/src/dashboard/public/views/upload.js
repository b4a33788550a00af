// Tải sổ lên / Upload a register (#/upload?action=<name>): an officer's register of one action, xlsx or csv,
// checked row by row on the server (POST /uploads/<action>/preview: nothing recorded) and shown as a table of
// the rows with problems; then recorded (POST /uploads/<action>), with a progress bar fed by the server's
// progress lines, and the rejected rows to download. Templates come from GET /uploads/templates/<action>.xlsx.
/* global fetch, atob, Blob, URL, TextDecoder */
import { parseRoute, replaceParams } from '../address.js';
import { get, getToken } from '../api.js';
import { currentRoles } from '../account-bar.js';
import { alertBox, h, table } from '../dom.js';
import { lang, t } from '../i18n.js';
import { setStatus } from '../messages.js';
import { tokenPanel } from '../token-panel.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function fileLink(text, blob, name) {
  return h('a', { href: URL.createObjectURL(blob), download: name, class: 'upload-rejected' }, text);
}

function rejectedLinks(result, action) {
  if (!result.rejectedCsv) return [];
  const bytes = Uint8Array.from(atob(result.rejectedXlsx), (c) => c.charCodeAt(0));
  return [
    h(
      'p',
      {},
      fileLink(t('uploadRejectedXlsx'), new Blob([bytes], { type: XLSX }), `${action}-bi-tu-choi.xlsx`),
      ' · ',
      fileLink(
        t('uploadRejectedCsv'),
        new Blob([result.rejectedCsv], { type: 'text/csv' }),
        `${action}-bi-tu-choi.csv`,
      ),
    ),
  ];
}

function problemsTable(problems) {
  return table({
    caption: t('uploadProblems'),
    id: 'upload-problems',
    columns: [
      { label: t('uploadRow'), cell: (p) => String(p.row) },
      { label: t('uploadColumn'), cell: (p) => p.column },
      { label: t('uploadReason'), cell: (p) => (lang() === 'en' ? p.reasonEn : p.reason) },
    ],
    rows: problems,
  });
}

async function send(path, file) {
  const headers = { Authorization: `Bearer ${getToken()}` };
  headers['Content-Type'] = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  const res = await fetch(path, { method: 'POST', headers, body: file });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    throw new Error(problem.detail || `HTTP ${res.status}`);
  }
  return res;
}

/** Reads the upload's progress lines as they come; calls onLine for each; returns the last. */
async function readLines(res, onLine) {
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let last = null;
  for (;;) {
    const { value, done } = await reader.read();
    buffer += decoder.decode(value || new Uint8Array(), { stream: !done });
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines.filter(Boolean)) {
      last = JSON.parse(line);
      onLine(last);
    }
    if (done) return last;
  }
}

export async function uploadView() {
  const title = h('h1', { tabindex: '-1' }, t('uploadTitle'));
  const view = (...children) => h('div', { class: 'view view-upload' }, title, ...children);
  if (!getToken())
    return view(
      alertBox(t('needsSignIn'), 'info'),
      tokenPanel(() => undefined),
    );
  if (!currentRoles().some((r) => r === 'officer' || r === 'supervisor'))
    return view(alertBox(t('needsSignIn'), 'info'));

  // Every action command with its name in an upload (GET /uploads/actions).
  const names = await get('/uploads/actions');
  const { params } = parseRoute();
  let chosen = names.find((n) => n.name === params.action) ?? names[0];
  const picker = h(
    'select',
    { id: 'upload-action', name: 'action' },
    names.map((n) => h('option', { value: n.name, selected: n === chosen }, n.label[lang()] || n.label.vi)),
  );
  const langParam = lang() === 'en' ? '?lang=en' : '';
  const xlsxLink = h('a', { id: 'upload-template-xlsx' }, 'xlsx');
  const csvLink = h('a', { id: 'upload-template-csv' }, 'csv');
  const pointLinks = () => {
    xlsxLink.href = `/uploads/templates/${chosen.name}.xlsx${langParam}`;
    csvLink.href = `/uploads/templates/${chosen.name}.csv${langParam}`;
  };
  pointLinks();
  picker.addEventListener('change', () => {
    chosen = names.find((n) => n.name === picker.value) ?? chosen;
    replaceParams({ action: chosen.name });
    pointLinks();
    out.replaceChildren();
    commit.hidden = true;
  });
  const templates = h('p', {}, `${t('uploadTemplates')} `, xlsxLink, ' · ', csvLink);
  const input = h('input', { type: 'file', id: 'upload-file', accept: '.xlsx,.csv' });
  const check = h('button', { type: 'button', id: 'upload-preview' }, t('uploadPreview'));
  const commit = h('button', { type: 'button', id: 'upload-commit', hidden: true });
  const bar = h('progress', { id: 'upload-progress', max: 1, value: 0, hidden: true });
  const barText = h('span', { id: 'upload-progress-text', role: 'status' });
  const out = h('div', { id: 'upload-result', 'aria-live': 'polite' });

  check.addEventListener('click', async () => {
    const file = input.files[0];
    commit.hidden = true;
    if (!file) return;
    out.replaceChildren(h('p', {}, t('uploadChecking')));
    try {
      const preview = await (await send(`/uploads/${chosen.name}/preview`, file)).json();
      out.replaceChildren(
        h('p', { id: 'upload-summary' }, t('uploadSummary', preview)),
        preview.problems.length ? problemsTable(preview.problems) : h('p', {}, t('uploadNoProblem')),
        ...rejectedLinks(preview, chosen.name),
      );
      commit.textContent = t('uploadCommit', preview);
      commit.hidden = preview.valid === 0;
    } catch (error) {
      out.replaceChildren(alertBox(error.message));
    }
  });

  commit.addEventListener('click', async () => {
    const file = input.files[0];
    commit.disabled = true;
    bar.hidden = false;
    try {
      const res = await send(`/uploads/${chosen.name}`, file);
      const last = await readLines(res, (line) => {
        if (line.type !== 'progress') return;
        bar.max = Math.max(1, line.total);
        bar.value = line.done;
        barText.textContent = t('uploadProgress', line);
      });
      if (!last || last.type !== 'result') throw new Error(last?.detail || 'no result');
      const done = t('uploadDone', { ...last, already: last.alreadyRecorded });
      setStatus(done);
      out.replaceChildren(
        h('p', { id: 'upload-done' }, done),
        ...(last.problems.length ? [problemsTable(last.problems)] : []),
        ...rejectedLinks(last, chosen.name),
      );
      commit.hidden = true;
    } catch (error) {
      out.replaceChildren(alertBox(t('uploadFailed', { detail: error.message })));
    } finally {
      commit.disabled = false;
    }
  });

  return view(
    h('p', {}, t('uploadIntro')),
    h('p', {}, h('label', { for: 'upload-action' }, t('uploadAction')), ' ', picker),
    templates,
    h('p', {}, h('label', { for: 'upload-file' }, t('uploadFile')), ' ', input, ' ', check),
    h('p', {}, commit, ' ', bar, ' ', barText),
    out,
  );
}
