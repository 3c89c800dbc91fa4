// The spreadsheet upload page: the file goes (multipart) to the kind's preview endpoint, which reads it into the batch
// its batch endpoint takes and names every bad cell; nothing is recorded. A sheet without flaws is then sent to the batch
// endpoint as a dry run, which names the rows the rules refuse; "confirm" sends the same batch for real with one
// Idempotency-Key, kept while the answer is unknown, so a retried confirmation records the batch once.
const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? '';
const english = document.documentElement.lang === 'en';
const text = (vi, en) => (english ? en : vi);
const form = document.getElementById('upload');
const section = document.getElementById('preview');
const status = document.getElementById('preview-status');
const table = document.getElementById('preview-table');
const confirm = document.getElementById('confirm');
let pending = null;

const newKey = () => crypto.randomUUID?.() ?? [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
const chosen = () => form.querySelector('input[name=kind]:checked');
// What a refusal says to a person; an answer without one (a proxy's page, a crash) gets a sentence, never its status code.
const detailOf = (problem, status) => (english ? problem.detailEn ?? problem.detail : problem.detail)
  ?? (status >= 500
    ? text('Máy chủ gặp lỗi; chưa ghi nhận gì. Hãy thử lại.', 'The server failed; nothing was recorded. Please try again.')
    : text('Không thực hiện được; chưa ghi nhận gì.', 'This could not be done; nothing was recorded.'));

async function answerOf(response) {
  return (response.headers.get('content-type') ?? '').includes('json') ? response.json() : {};
}

async function post(url, body, headers = {}) {
  return fetch(url, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'application/json', RequestVerificationToken: token, ...headers } });
}

function element(name, content, attributes = {}) {
  const node = document.createElement(name);
  if (content !== undefined) node.append(content);
  Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, value));
  return node;
}

// A summary of what stops the sheet: each flaw a link to its cell (or row), as forms.js links errors to fields.
function showFlaws(heading, flaws) {
  const summary = element('div', element('h3', heading), { class: 'error-summary', role: 'alert', tabindex: '-1', id: 'sheet-flaws' });
  const list = element('ul');
  flaws.forEach((flaw) => {
    const target = flaw.row && flaw.column !== null && flaw.column !== undefined ? `cell-${flaw.row}-${flaw.column}` : flaw.row ? `row-${flaw.row}` : null;
    const message = english ? flaw.detailEn : flaw.detail;
    const cell = target && document.getElementById(target);
    if (cell) {
      cell.classList.add('bad-cell');
      cell.append(element('span', message, { class: 'field-error' }));
    }
    list.append(element('li', cell ? element('a', message, { href: `#${target}` }) : message));
  });
  summary.append(list);
  status.replaceChildren(summary);
  summary.focus();
}

function showTable(preview) {
  const columns = preview.columns.map((column) => (english ? column.en : column.vi));
  const used = columns.map((_, index) => preview.rows.some((row) => row.cells[index] !== '') || preview.flaws.some((flaw) => flaw.column === index));
  const caption = element('caption', text(`${preview.rows.length} dòng đọc được`, `${preview.rows.length} rows read`));
  const head = element('tr', element('th', text('Dòng', 'Row'), { scope: 'col' }));
  columns.forEach((column, index) => { if (used[index]) head.append(element('th', column, { scope: 'col' })); });
  const body = element('tbody');
  preview.rows.forEach((row) => {
    const line = element('tr', element('th', String(row.number), { scope: 'row', id: `row-${row.number}`, 'data-label': text('Dòng', 'Row') }));
    row.cells.forEach((cell, index) => {
      if (used[index]) line.append(element('td', cell, { id: `cell-${row.number}-${index}`, 'data-label': columns[index] }));
    });
    body.append(line);
  });
  table.replaceChildren(caption, element('thead', head), body);
}

function reset() {
  pending = null;
  confirm.disabled = true;
  section.hidden = true;
}

form.addEventListener('change', reset);

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  reset();
  const kind = chosen();
  const data = new FormData(form);
  if (!(data.get('file') instanceof File) || data.get('file').size === 0) data.delete('file');
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const response = await post(kind.dataset.preview, data);
    const answer = await answerOf(response);
    section.hidden = false;
    if (!response.ok) {
      table.replaceChildren();
      const errors = (english ? answer.errorsEn : answer.errors) ?? {};
      const messages = Object.values(errors).flat();
      showFlaws(text('Chưa đọc được bảng tính', 'The spreadsheet was not read'), (messages.length ? messages : [detailOf(answer, response.status)]).map((m) => ({ detail: m, detailEn: m })));
      return;
    }
    showTable(answer);
    if (answer.flaws.length) {
      showFlaws(text(`Bảng tính có ${answer.flaws.length} lỗi; chưa ghi nhận gì. Hãy sửa rồi gửi lại.`, `The spreadsheet has ${answer.flaws.length} errors; nothing was recorded. Correct them and send it again.`), answer.flaws);
      return;
    }
    // The rules' own verdict on the whole batch, decided as it would be recorded: nothing is recorded yet.
    const dryRun = await post(answer.submit, JSON.stringify({ ...answer.batch, dryRun: true }), { 'content-type': 'application/json' });
    const verdict = await answerOf(dryRun);
    if (!dryRun.ok) {
      const refused = (verdict.items ?? []).map((item) => ({ row: answer.rows[item.position - 1]?.number, detail: `${item.label}: ${item.detail}`, detailEn: `${item.label}: ${item.detailEn}` }));
      showFlaws(text('Các dòng sau không được chấp nhận; chưa ghi nhận gì.', 'These rows are refused; nothing was recorded.'),
        refused.length ? refused.map((flaw) => ({ ...flaw, detail: `${text('Dòng', 'Row')} ${flaw.row}: ${flaw.detail}`, detailEn: `${text('Dòng', 'Row')} ${flaw.row}: ${flaw.detailEn}` }))
          : [{ detail: detailOf(verdict, dryRun.status), detailEn: detailOf(verdict, dryRun.status) }]);
      return;
    }
    pending = { submit: answer.submit, after: kind.dataset.after, body: JSON.stringify({ ...answer.batch, dryRun: false }), key: newKey(), count: answer.rows.length };
    status.replaceChildren(element('p', text(`${answer.rows.length} dòng hợp lệ. Chưa ghi nhận gì: bấm xác nhận để ghi nhận cả bảng.`,
      `${answer.rows.length} rows are valid. Nothing is recorded yet: confirm to record the whole sheet.`), { class: 'notice', id: 'sheet-ready' }));
    confirm.disabled = false;
  } catch {
    section.hidden = false;
    showFlaws(text('Không kết nối được máy chủ.', 'The server could not be reached.'), []);
  } finally {
    button.disabled = false;
  }
});

confirm.addEventListener('click', async () => {
  if (!pending) return;
  confirm.disabled = true;
  try {
    const response = await post(pending.submit, pending.body, { 'content-type': 'application/json', 'Idempotency-Key': pending.key });
    const answer = await answerOf(response);
    if (!response.ok) {
      if (response.status < 500) pending = null;
      else confirm.disabled = false;
      showFlaws(text('Chưa ghi nhận được', 'This was not recorded'), [{ detail: detailOf(answer, response.status), detailEn: detailOf(answer, response.status) }]);
      return;
    }
    const done = element('div', element('p', text(`Đã ghi nhận ${pending.count} dòng trong một quyết định.`, `Recorded ${pending.count} rows in one decision.`)),
      { class: 'notice', role: 'status', id: 'sheet-recorded' });
    done.append(element('a', text('Xem kết quả', 'See the result'), { href: pending.after }));
    status.replaceChildren(done);
    pending = null;
  } catch {
    // The answer is unknown: the same key goes with the next try, so the batch cannot be recorded twice.
    confirm.disabled = false;
    showFlaws(text('Không kết nối được máy chủ; hãy bấm xác nhận lần nữa.', 'The server could not be reached; confirm again.'), []);
  }
});

// Only the constituencies need the publishing decision's reference.
function showKindFields() {
  form.querySelectorAll('[data-for-kind]').forEach((group) => { group.hidden = group.dataset.forKind !== chosen()?.value; });
}
form.addEventListener('change', showKindFields);
showKindFields();
