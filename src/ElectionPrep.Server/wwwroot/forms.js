// Forms marked data-api post their fields as JSON to the API endpoint they name, with the session cookie and the
// page's antiforgery token, so a page acts through exactly the same validation, rules and audit as an API client.
// A refusal comes back as problem details: field errors are listed in a summary linked to each field and shown
// beside it; other refusals are shown with their reason. Success reloads the page or follows data-then.
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

function body(form) {
  const result = {};
  for (const field of form.elements) {
    if (!field.name || field.disabled || field.type === 'submit' || field.name === '__RequestVerificationToken') continue;
    if (field.name.endsWith('[]')) {
      const name = field.name.slice(0, -2);
      const list = (result[name] ??= []);
      if ((field.type !== 'checkbox' && field.type !== 'radio') || field.checked) {
        if (field.value !== '') list.push(field.dataset.type === 'number' ? Number(field.value) : field.value);
      }
      continue;
    }
    if (field.type === 'radio' && !field.checked) continue;
    let value;
    if (field.type === 'checkbox') value = field.checked;
    else if (field.value === '') continue;
    else if (field.type === 'number' || field.dataset.type === 'number') value = Number(field.value);
    else if (field.dataset.type === 'json') value = JSON.parse(field.value);
    else if (field.type === 'datetime-local') value = field.value + ':00' + (field.dataset.offset ?? '+07:00');
    else value = field.value;
    setPath(result, field.name, value);
  }
  return result;
}

function clear(form) {
  form.querySelector('.error-summary')?.remove();
  form.querySelectorAll('.field-error').forEach((element) => element.remove());
  form.querySelectorAll('[aria-invalid]').forEach((element) => {
    element.removeAttribute('aria-invalid');
    element.removeAttribute('aria-describedby');
  });
}

function fieldFor(form, key) {
  const wanted = key.toLowerCase();
  return [...form.elements].find((element) => element.name && element.name.replace(/\[\]$/, '').toLowerCase() === wanted)
    ?? [...form.elements].find((element) => element.name && element.name.toLowerCase().startsWith(wanted + '.'));
}

function showProblem(form, problem) {
  const summary = document.createElement('div');
  summary.className = 'error-summary';
  summary.setAttribute('role', 'alert');
  summary.tabIndex = -1;
  const heading = document.createElement('h2');
  heading.textContent = text('Chưa thực hiện được', 'This was not done');
  summary.append(heading);
  const detail = english ? problem.detailEn ?? problem.detail : problem.detail;
  if (detail) {
    const paragraph = document.createElement('p');
    paragraph.textContent = detail;
    summary.append(paragraph);
  }
  const errors = (english ? problem.errorsEn : problem.errors) ?? problem.errors ?? {};
  const list = document.createElement('ul');
  Object.entries(errors).forEach(([key, messages], index) => {
    const field = fieldFor(form, key);
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
      item.textContent = `${key}: ${messages.join(' ')}`;
    }
    list.append(item);
  });
  if (list.children.length) summary.append(list);
  form.prepend(summary);
  summary.focus();
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
    const response = await fetch(form.dataset.api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', RequestVerificationToken: token },
      body: JSON.stringify(body(form)),
      credentials: 'same-origin',
    });
    const answer = (response.headers.get('content-type') ?? '').includes('json') ? await response.json() : {};
    if (!response.ok) {
      showProblem(form, { detail: `${response.status}`, ...answer });
      return;
    }
    const then = form.dataset.then;
    window.location.assign(then ? then.replace('{id}', encodeURIComponent(answer.id ?? '')) : window.location.href);
  } catch (failure) {
    showProblem(form, { detail: text('Không kết nối được máy chủ.', 'The server could not be reached.') });
  } finally {
    if (button) button.disabled = false;
  }
});
