// Forms marked data-api post their fields as JSON to the API endpoint they name, with the session cookie and the
// page's antiforgery token, so a page acts through exactly the same validation, rules and audit as an API client.
// A refusal comes back as problem details: field errors are listed in a summary linked to each field and shown
// beside it; other refusals are shown with their reason, always as sentences. Success reloads the page or follows
// data-then, where a banner says what was done (the form's data-done).
const token = document.querySelector('meta[name="request-verification-token"]')?.content ?? '';
const english = document.documentElement.lang === 'en';
const text = (vi, en) => (english ? en : vi);

function setPath(target, path, value) {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  let node = target;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(parts[index + 1]);
    if (last) node[part] = value;
    else node = node[part] ??= nextIsIndex ? [] : {};
  });
}

// Arrays built from numbered names can have holes where a row was left out: drop them.
function compact(value) {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compact);
  if (value && typeof value === 'object' && !(value instanceof Element)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compact(item)]));
  return value;
}

// A textarea of one row a line, columns separated by ';' and named by data-columns; a line may leave out trailing columns.
function rows(field) {
  const columns = field.dataset.columns.split(',');
  return field.value.split('\n').map((line) => line.trim()).filter(Boolean).map((line, index) => {
    const row = field.dataset.idPrefix ? { id: `${field.dataset.idPrefix}${index + 1}` } : {};
    line.split(';').forEach((cell, column) => {
      if (column < columns.length && cell.trim() !== '') row[columns[column]] = /^\d+$/.test(cell.trim()) ? Number(cell.trim()) : cell.trim();
    });
    return row;
  });
}

// Dates are typed day first as Vietnam writes them, dd/mm/yyyy, and times as HH:mm after the date, whatever the
// browser's locale; they are sent as ISO 8601 (05/03/2026 → 2026-03-05, a time with the term's offset in data-offset).
// Also read: 5/3/2026, 05.03.2026, 05-03-2026, 05032026 (a phone's number pad has no '/'), and the time first, as the
// pages show it. What is no date (31/02/2026) or no time (24:10) comes back as a problem in both languages.
function typedMoment(field) {
  const withTime = field.dataset.type === 'datetime';
  const text = field.value.trim().replace(/\s+/g, ' ').replace(/\b(\d{2})(\d{2})(\d{4})\b/, '$1/$2/$3');
  const date = '(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})';
  const time = '(\\d{1,2})[:hg.](\\d{2})';
  let parts;
  if (!withTime) parts = new RegExp(`^${date}$`).exec(text)?.slice(1);
  else {
    const dayFirst = new RegExp(`^${date},? ${time}$`, 'i').exec(text);
    const timeFirst = new RegExp(`^${time},? ${date}$`, 'i').exec(text);
    parts = dayFirst?.slice(1) ?? (timeFirst && [...timeFirst.slice(3), ...timeFirst.slice(1, 3)]);
  }
  if (!parts) {
    return { problem: withTime
      ? ['Ghi ngày giờ theo dạng dd/mm/yyyy HH:mm, ví dụ 05/03/2026 08:00.', 'Write the date and time as dd/mm/yyyy HH:mm, e.g. 05/03/2026 08:00.']
      : ['Ghi ngày theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/03/2026.', 'Write the date day first, as dd/mm/yyyy, e.g. 05/03/2026.'] };
  }
  const [day, month, year, hour = 0, minute = 0] = parts.map(Number);
  const two = (number) => String(number).padStart(2, '0');
  const at = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) {
    const typed = `${two(day)}/${two(month)}/${String(year).padStart(4, '0')}`;
    return { problem: [`Không có ngày ${typed} trong lịch; ghi ngày theo dạng dd/mm/yyyy.`, `There is no such day as ${typed}; write the date as dd/mm/yyyy.`] };
  }
  if (hour > 23 || minute > 59) {
    const typed = `${two(hour)}:${two(minute)}`;
    return { problem: [`Không có giờ ${typed}; giờ ghi từ 00:00 đến 23:59.`, `There is no such time as ${typed}; times run from 00:00 to 23:59.`] };
  }
  const iso = `${year}-${two(month)}-${two(day)}`;
  return { value: withTime ? `${iso}T${two(hour)}:${two(minute)}:00${field.dataset.offset}` : iso };
}

// A date or time that cannot be read is refused on its field before anything is sent, as the server refuses a field;
// this runs first (capture) so that the form's own submit never starts.
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
  const errors = {};
  const errorsEn = {};
  for (const field of form.elements) {
    if (!['date', 'datetime'].includes(field.dataset?.type) || field.matches(':disabled') || field.value.trim() === '') continue;
    const { problem } = typedMoment(field);
    if (problem) [errors[field.name], errorsEn[field.name]] = [[problem[0]], [problem[1]]];
  }
  if (Object.keys(errors).length === 0) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  clear(form);
  showProblem(form, { errors, errorsEn });
}, true);

// Where each value of the last body came from, by its path in the body as sent: errors name these paths, and a row
// left out shifts the numbers of the rows after it.
const sentFields = new WeakMap();

function paths(node, prefix, into) {
  if (node instanceof Element) into.set(prefix.toLowerCase(), node);
  else if (Array.isArray(node)) node.forEach((item, index) => paths(item, `${prefix}[${index}]`, into));
  else Object.entries(node).forEach(([key, item]) => paths(item, prefix ? `${prefix}.${key}` : key, into));
  return into;
}

function body(form) {
  const result = {};
  const origins = {};
  for (const field of form.elements) {
    if (!field.name || field.matches(':disabled') || field.type === 'submit' || field.name === '__RequestVerificationToken') continue;
    // A row's id goes only with the value chosen for it (data-with names that field): a row left empty is not sent.
    if (field.dataset.with && document.getElementById(field.dataset.with)?.value === '') continue;
    if (field.name.endsWith('[]')) {
      const name = field.name.slice(0, -2);
      const list = (result[name] ??= []);
      if ((field.type !== 'checkbox' && field.type !== 'radio') || field.checked) {
        if (field.value !== '') list.push(field.dataset.type === 'number' ? Number(field.value) : field.value);
      }
      origins[name] ??= field;
      continue;
    }
    if (field.type === 'radio' && !field.checked) continue;
    let value;
    if (field.type === 'checkbox') value = field.checked;
    else if (field.value === '') continue;
    else if (field.type === 'number' || field.dataset.type === 'number') value = Number(field.value);
    else if (field.dataset.type === 'rows') value = rows(field);
    else if (field.dataset.type === 'lines') value = field.value.split('\n').map((line) => line.trim()).filter(Boolean);
    else if (field.dataset.type === 'date' || field.dataset.type === 'datetime') value = typedMoment(field).value;
    else value = field.value;
    setPath(result, field.name, value);
    setPath(origins, field.name, field);
  }
  sentFields.set(form, paths(compact(origins), '', new Map()));
  return compact(result);
}

// One Idempotency-Key per submission, kept while its answer is unknown (the connection failed, or the server did) so
// that sending the same form again cannot record it twice; a new one once the server has answered or the form changed.
// randomUUID needs a secure context: on plain http away from localhost, 16 random bytes serve as well.
const pendingKeys = new WeakMap();

function idempotencyKey(form, payload) {
  const pending = pendingKeys.get(form);
  if (pending?.payload === payload) return pending.key;
  const key = crypto.randomUUID?.() ?? [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  pendingKeys.set(form, { key, payload });
  return key;
}

function clear(form) {
  form.querySelector('.error-summary')?.remove();
  form.querySelectorAll('.field-error').forEach((element) => element.remove());
  form.querySelectorAll('[aria-invalid]').forEach((element) => {
    element.removeAttribute('aria-invalid');
    element.removeAttribute('aria-describedby');
  });
}

// The field an error names: the one that sent that path, a group's first, the one whose value holds it (a textarea of
// rows), else one named by it or under it (a list whose rows were not sent, e.g. documents not chosen yet).
function fieldFor(form, key) {
  const wanted = key.toLowerCase();
  const under = (path, group) => path.startsWith(`${group}.`) || path.startsWith(`${group}[`);
  const sent = [...(sentFields.get(form) ?? new Map())];
  const named = [...form.elements].filter((element) => element.name);
  return sent.find(([path]) => path === wanted)?.[1]
    ?? sent.find(([path]) => under(path, wanted))?.[1]
    ?? sent.find(([path]) => under(wanted, path))?.[1]
    ?? named.find((element) => element.name.replace(/\[\]$/, '').toLowerCase() === wanted)
    ?? named.find((element) => under(element.name.toLowerCase(), wanted));
}

// What a person can reach for a field: itself, or for a hidden value the first control beside it (a document's file).
function control(field) {
  const usable = (element) => element.type !== 'hidden' && !element.matches(':disabled');
  if (usable(field)) return field;
  const around = field.closest('fieldset, tr, .inline, div');
  return around && around !== field.form && field.form.contains(around)
    ? [...around.querySelectorAll('input, select, textarea')].find(usable)
    : undefined;
}

// What a person calls a value no control stands for: the legend of the group it sits in; never its key.
const legendOf = (field) => field?.closest('fieldset')?.querySelector('legend')?.textContent.trim();

function showProblem(form, problem) {
  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.setAttribute('role', 'alert');
  summary.tabIndex = -1;
  const heading = document.createElement('h2');
  heading.textContent = text('Chưa thực hiện được', 'This was not done');
  summary.append(heading);
  const errors = (english ? problem.errorsEn : problem.errors) ?? problem.errors ?? {};
  // A refusal that names its fields says the same in its detail: the list beside the fields is enough.
  const detail = english ? problem.detailEn ?? problem.detail : problem.detail;
  if (detail && Object.keys(errors).length === 0) {
    const paragraph = document.createElement('p');
    paragraph.textContent = detail;
    summary.append(paragraph);
  }
  const list = document.createElement('ul');
  Object.entries(errors).forEach(([key, messages], index) => {
    const named = fieldFor(form, key);
    const field = named && control(named);
    const item = document.createElement('li');
    if (field) {
      field.id ||= `field-${form.id || 'form'}-${index}`;
      const link = document.createElement('a');
      link.href = `#${field.id}`;
      link.textContent = messages.join(' ');
      item.append(link);
      const inline = document.createElement('span');
      inline.className = 'field-error';
      inline.id = `${field.id}-error`;
      inline.textContent = messages.join(' ');
      field.setAttribute('aria-invalid', 'true');
      field.setAttribute('aria-describedby', inline.id);
      (field.closest('label') ?? field).insertAdjacentElement('afterend', inline);
    } else {
      const label = legendOf(named);
      item.textContent = label ? `${label}: ${messages.join(' ')}` : messages.join(' ');
    }
    list.append(item);
  });
  // A refused batch names each refused item: what a person calls it and why.
  (problem.items ?? []).forEach((refused) => {
    const item = document.createElement('li');
    item.textContent = `${refused.label}: ${english ? refused.detailEn : refused.detail}`;
    list.append(item);
  });
  if (list.children.length) summary.append(list);
  form.prepend(summary);
  summary.focus();
}

// What the last action did, said on the page it leads to (a reload or data-then) in a banner read out once.
const doneKey = 'electionprep-done';
const done = sessionStorage.getItem(doneKey);
if (done) {
  sessionStorage.removeItem(doneKey);
  const banner = document.createElement('p');
  banner.className = 'done-banner';
  banner.setAttribute('role', 'status');
  document.querySelector('main')?.prepend(banner);
  // Filled once in the page, so that a screen reader hears the change.
  requestAnimationFrame(() => { banner.textContent = done; });
}

document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.api) return;
  event.preventDefault();
  if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) return;
  clear(form);
  const button = form.querySelector('button[type=submit], button:not([type])');
  if (button) button.disabled = true;
  try {
    const payload = JSON.stringify(body(form));
    const response = await fetch(form.dataset.api, {
      method: 'POST',
      headers: {
        'content-type': 'application/json', accept: 'application/json', RequestVerificationToken: token,
        'Idempotency-Key': idempotencyKey(form, payload),
      },
      body: payload,
      credentials: 'same-origin',
    });
    if (response.status < 500) pendingKeys.delete(form);
    const answer = (response.headers.get('content-type') ?? '').includes('json') ? await response.json() : {};
    if (!response.ok) {
      const fallback = response.status >= 500
        ? { detail: 'Máy chủ gặp lỗi; thao tác chưa được ghi nhận. Hãy thử lại.', detailEn: 'The server failed; nothing was recorded. Please try again.' }
        : { detail: 'Thao tác không được chấp nhận; chưa có gì được ghi nhận.', detailEn: 'The action was not accepted; nothing was recorded.' };
      showProblem(form, { ...fallback, ...answer });
      return;
    }
    sessionStorage.setItem(doneKey, form.dataset.done || text('Đã ghi nhận.', 'Recorded.'));
    const then = form.dataset.then;
    // reload, not assign(href): after following an error link the address ends in #field, and assigning it would not reload.
    if (then) window.location.assign(then.replace('{id}', encodeURIComponent(answer.id ?? '')));
    else window.location.reload();
  } catch (failure) {
    showProblem(form, { detail: text('Không kết nối được máy chủ.', 'The server could not be reached.') });
  } finally {
    if (button) button.disabled = false;
  }
});

// A document chosen for the dossier is recorded by name and SHA-256, computed here so the file itself never leaves
// the office; its hidden fields stay disabled (not sent) until a file is chosen.
document.addEventListener('change', async (event) => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.type === 'file' && input.dataset.document) {
    const group = document.getElementById(input.dataset.document);
    const [file] = input.files;
    const fields = group.querySelectorAll('input[type=hidden]');
    fields.forEach((field) => { field.disabled = !file; });
    if (!file) return;
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    group.querySelector('[name$=".fileName"]').value = file.name;
    group.querySelector('[name$=".sha256"]').value = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    group.querySelector('output').value = group.querySelector('[name$=".sha256"]').value.slice(0, 16) + '…';
  }
  // A checkbox that switches a group of fields off, e.g. "self-nominated" for the nomination's meetings.
  if (input instanceof HTMLInputElement && input.dataset.disables) {
    document.getElementById(input.dataset.disables).disabled = input.checked;
  }
  // ...and one that switches a group on, e.g. a candidate ticked for the round's list.
  if (input instanceof HTMLInputElement && input.dataset.enables) {
    document.getElementById(input.dataset.enables).disabled = !input.checked;
  }
});

// A "print" button on a printable form (the pages' policy admits no inline handlers).
document.addEventListener('click', (event) => {
  if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});

// A table of rows a person adds and removes, e.g. a conference's invitees: a new row is the table's <template>, its
// placeholders numbered after every row the page ever held, so a removed row's number is never reused.
document.addEventListener('click', (event) => {
  const add = event.target.closest?.('[data-add-row]');
  if (add) {
    const table = document.getElementById(add.dataset.addRow);
    const body = table.tBodies[0];
    const index = Number(table.dataset.nextRow ?? body.rows.length);
    table.dataset.nextRow = String(index + 1);
    const html = document.getElementById(table.dataset.rowTemplate).innerHTML;
    body.insertAdjacentHTML('beforeend', html.replaceAll('__i__', String(index)).replaceAll('__n__', String(index + 1)));
    body.lastElementChild.querySelector('input:not([type=hidden])')?.focus();
    return;
  }
  const remove = event.target.closest?.('[data-remove-row]');
  if (remove) {
    const row = remove.closest('tr');
    const table = row.closest('table');
    table.dataset.nextRow ??= String(table.tBodies[0].rows.length);
    // Focus stays in the table: on the row that took this one's place, else the one before it.
    const neighbour = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    neighbour?.querySelector('input:not([type=hidden])')?.focus();
  }
});
