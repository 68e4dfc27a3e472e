// ucfront admin console: plain pages over the admin REST API (/api, HTTP Basic).
// No framework and no build step; every value from the server is shown with textContent.
'use strict';

const AUTH_KEY = 'ucfront.console.auth';
const REFRESH_MS = 3000;
let refreshTimer = null;

// ---- API --------------------------------------------------------------------------------

class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function api(method, path, body) {
  const auth = sessionStorage.getItem(AUTH_KEY);
  const headers = { 'X-Requested-With': 'ucfront-console' }; // no browser sign-in dialog on 401
  if (auth) headers.Authorization = 'Basic ' + auth;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let resp;
  try {
    resp = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(0, 'The server cannot be reached: ' + e.message);
  }
  if (resp.status === 401 && path !== '/api/stats') {
    signOut('Your session ended: sign in again.');
    throw new ApiError(401, 'authentication required');
  }
  const text = await resp.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
  }
  if (!resp.ok) throw new ApiError(resp.status, (data && data.error) || ('HTTP ' + resp.status));
  return data;
}

const enc = encodeURIComponent;

// ---- DOM helpers ------------------------------------------------------------------------

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

function main(...children) {
  const m = document.getElementById('main');
  m.replaceChildren(...children);
  return m;
}

function table(id, columns, rows, empty) {
  if (!rows.length) return h('p', { class: 'muted', id }, empty);
  return h('table', { id },
    h('thead', {}, h('tr', {}, columns.map(c => h('th', {}, c)))),
    h('tbody', {}, rows));
}

function notice(text, bad) {
  return h('div', { class: bad ? 'notice bad' : 'notice', role: bad ? 'alert' : 'status' }, text);
}

/** A labelled input whose API errors are shown under it (aliases: other ways the API's messages name it). */
function field(name, label, input, hint, aliases) {
  input.id = input.id || 'f-' + name;
  input.name = name;
  return h('div', { class: 'field', 'data-field': name, 'data-aliases': (aliases || []).join('|') },
    h('label', { for: input.id }, label), input,
    hint ? h('div', { class: 'hint' }, hint) : null,
    h('div', { class: 'error', id: input.id + '-error', 'aria-live': 'polite' }));
}

function clearErrors(form) {
  form.querySelectorAll('.field').forEach(f => f.classList.remove('invalid'));
  form.querySelectorAll('.error').forEach(e => { e.textContent = ''; });
}

/**
 * Shows an API error next to the field it names: the API's messages start with the field
 * ("url: …", "uri is required", "properties.MeetingSize: …", "unknown field 'x'").
 */
function showError(form, err) {
  const message = err.message || String(err);
  const fields = [...form.querySelectorAll('.field')];
  const named = fields.find(f => {
    const n = f.dataset.field;
    return message.startsWith(n + ':') || message.startsWith(n + ' ') || message.includes("'" + n + "'")
      || f.dataset.aliases.split('|').some(a => a && message.startsWith(a));
  });
  const target = named ? named.querySelector('.error') : form.querySelector('.form-error');
  if (named) named.classList.add('invalid');
  target.textContent = message;
}

function formError() {
  return h('div', { class: 'error form-error', role: 'alert' });
}

async function submitting(form, action) {
  clearErrors(form);
  const buttons = form.querySelectorAll('button');
  buttons.forEach(b => { b.disabled = true; });
  try {
    await action();
  } catch (e) {
    showError(form, e);
  } finally {
    buttons.forEach(b => { b.disabled = false; });
  }
}

function seconds(s) {
  if (s === null || s === undefined) return '';
  const d = Math.floor(s / 86400), hh = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
  return (d ? d + 'd ' : '') + (d || hh ? hh + 'h ' : '') + m + 'm ' + (s % 60) + 's';
}

function bytes(n) {
  return (n / 1048576).toFixed(1) + ' MiB';
}

function mapRows(map, id, head) {
  const entries = Object.entries(map || {});
  return table(id, head, entries.map(([k, v]) => h('tr', {}, k.split(' ').map(x => h('td', {}, x)), h('td', {}, v))),
    'None yet.');
}

// ---- sign in ----------------------------------------------------------------------------

function signOut(message) {
  sessionStorage.removeItem(AUTH_KEY);
  location.hash = '#/sign-in';
  if (message) sessionStorage.setItem('ucfront.console.message', message);
}

function signInPage() {
  const user = h('input', { id: 'sign-in-user', autocomplete: 'username', value: 'admin', required: true });
  const password = h('input', { id: 'sign-in-password', type: 'password', autocomplete: 'current-password', required: true });
  const message = sessionStorage.getItem('ucfront.console.message');
  sessionStorage.removeItem('ucfront.console.message');
  const form = h('form', { class: 'panel signin', id: 'sign-in' },
    h('h1', {}, 'Sign in to ucfront'),
    message ? notice(message, true) : null,
    field('user', 'Administrator', user),
    field('password', 'Password', password, 'ucfront.admin.password, or <data dir>/admin-password'),
    formError(),
    h('button', { type: 'submit', id: 'sign-in-submit' }, 'Sign in'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    submitting(form, async () => {
      const bin = new TextEncoder().encode(user.value + ':' + password.value);
      sessionStorage.setItem(AUTH_KEY, btoa(String.fromCharCode(...bin)));
      try {
        await api('GET', '/api/stats');
      } catch (e) {
        sessionStorage.removeItem(AUTH_KEY);
        throw e.status === 401 ? new ApiError(401, 'password: wrong user name or password') : e;
      }
      sessionStorage.setItem('ucfront.console.user', user.value);
      location.hash = '#/dashboard';
    });
  });
  main(form);
  password.focus();
}

// ---- dashboard --------------------------------------------------------------------------

async function dashboardPage() {
  await renderDashboard();
  refreshing(renderDashboard);
}

async function renderDashboard() {
  const s = await api('GET', '/api/stats');
  const card = (id, label, value) => h('div', { class: 'card' },
    h('div', { class: 'value', id: 'stat-' + id }, value), h('div', { class: 'label' }, label));
  main(h('h1', {}, 'Dashboard'),
    h('div', { class: 'cards' },
      card('registeredEndpoints', 'Registered endpoints', s.registeredEndpoints),
      card('usersRegistered', 'Users registered', s.usersRegistered),
      card('unboundEndpoints', 'Known endpoints without binding', s.unboundEndpoints),
      card('registerPerSecond', 'REGISTER / s (last minute)', s.registerPerSecond.toFixed(2)),
      card('registerErrorsPerSecond', 'Refused REGISTER / s', s.registerErrorsPerSecond.toFixed(2)),
      card('uptime', 'Uptime', seconds(s.uptimeSeconds)),
      card('heap', 'Heap used', bytes(s.heapUsedBytes)),
      card('threads', 'Threads', s.threads)),
    h('h2', {}, 'SIP requests'), mapRows(s.sipRequests, 'sip-requests', ['Method', 'Final status', 'Count']),
    h('h2', {}, 'Registrations'), mapRows(s.registrations, 'registrations', ['register-action', 'Count']),
    h('h2', {}, 'Refused REGISTERs'), mapRows(s.registerErrors, 'register-errors', ['Reason', 'ErrorId', 'Count']),
    h('h2', {}, 'Authentication failures'),
    mapRows(s.authenticationFailures, 'auth-failures', ['Service', 'Reason', 'Count']),
    h('h2', {}, 'Client version decisions'),
    mapRows(s.clientVersionDecisions, 'client-version-decisions', ['Rule', 'Action', 'Outcome', 'Count']),
    h('h2', {}, 'Deregister NOTIFYs'), mapRows(s.deregisterNotifications, 'deregister-notifications', ['Event', 'Count']),
    h('p', { class: 'muted' }, 'Live: refreshed every few seconds. All metrics: GET /metrics (Prometheus).'));
}

// ---- users ------------------------------------------------------------------------------

async function usersPage(query) {
  const q = h('input', { id: 'user-search', type: 'search', placeholder: 'address or name', value: query || '' });
  const search = h('form', { class: 'row', id: 'search-form' }, q, h('button', { type: 'submit' }, 'Search'));
  search.addEventListener('submit', ev => {
    ev.preventDefault();
    location.hash = '#/users?q=' + enc(q.value.trim());
  });
  const users = await api('GET', '/api/users?limit=500' + (query ? '&q=' + enc(query) : ''));
  const rows = users.map(u => h('tr', { 'data-uri': u.uri },
    h('td', { class: 'mono' }, h('a', { href: '#/users/' + enc(u.uri) }, u.uri)),
    h('td', {}, u.displayName || ''),
    h('td', {}, h('span', { class: u.enabled ? 'badge on' : 'badge off' }, u.enabled ? 'enabled' : 'disabled')),
    h('td', {}, u.homePool || '')));
  main(h('h1', {}, 'Users'), search,
    table('users', ['SIP address', 'Display name', 'State', 'Home pool'], rows,
      query ? 'No user matches “' + query + '”.' : 'No users yet.'),
    users.length === 500 ? h('p', { class: 'muted' }, 'The first 500 are shown: narrow the search.') : null,
    createUserForm());
}

function createUserForm() {
  const uri = h('input', { id: 'new-user-uri', placeholder: 'sip:alice@example.com' });
  const name = h('input', { id: 'new-user-name' });
  const password = h('input', { id: 'new-user-password', type: 'password', autocomplete: 'new-password' });
  const form = h('form', { class: 'panel', id: 'create-user' }, h('h2', {}, 'New user'),
    field('uri', 'SIP address', uri, null, ['address of record', 'user ']), field('displayName', 'Display name', name),
    field('password', 'Password', password, 'for Digest; stored only as HA1 hashes'),
    formError(), h('button', { type: 'submit', id: 'create-user-submit' }, 'Create user'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    submitting(form, async () => {
      const body = { uri: uri.value.trim() };
      if (name.value.trim()) body.displayName = name.value.trim();
      if (password.value) body.password = password.value;
      if (!body.uri) throw new ApiError(400, 'uri is required');
      const created = await api('POST', '/api/users', body);
      location.hash = '#/users/' + enc(created.uri);
    });
  });
  return form;
}

async function userPage(uri) {
  const [user, endpoints] = await Promise.all([
    api('GET', '/api/users/' + enc(uri)),
    api('GET', '/api/users/' + enc(uri) + '/registrations')]);
  const status = h('div', { id: 'user-status' });
  const toggle = h('button', { type: 'button', id: 'toggle-enabled', class: user.enabled ? 'danger' : '' },
    user.enabled ? 'Disable user' : 'Enable user');
  toggle.addEventListener('click', async () => {
    toggle.disabled = true;
    try {
      await api('PATCH', '/api/users/' + enc(uri), { enabled: !user.enabled });
      route();
    } catch (e) {
      status.replaceChildren(notice(e.message, true));
      toggle.disabled = false;
    }
  });
  const holder = h('div', { id: 'endpoints-holder' }, endpointsTable(uri, endpoints, status));
  async function refreshEndpoints() {
    holder.replaceChildren(endpointsTable(uri, await api('GET', '/api/users/' + enc(uri) + '/registrations'), status));
  }
  main(h('p', {}, h('a', { href: '#/users' }, '← Users')),
    h('h1', {}, user.displayName ? user.displayName + ' ' : '', h('span', { class: 'mono muted' }, user.uri)),
    h('p', {}, h('span', { id: 'user-state', class: user.enabled ? 'badge on' : 'badge off' },
      user.enabled ? 'enabled' : 'disabled'), ' ',
      user.homePool ? 'home pool ' + user.homePool + (user.primaryClusterType ? ' (' + user.primaryClusterType + ')' : '') : ''),
    h('div', { class: 'row' }, toggle), status,
    h('h2', {}, 'Registered endpoints'), holder);
  refreshing(refreshEndpoints);
}

function endpointsTable(uri, endpoints, status) {
  const rows = endpoints.map(e => {
    const remove = h('button', { type: 'button', class: 'danger deregister-endpoint' }, 'Deregister');
    remove.addEventListener('click', async () => {
      remove.disabled = true;
      try {
        await api('DELETE', '/api/users/' + enc(uri) + '/registrations/' + enc(e.endpoint));
        status.replaceChildren(notice('Endpoint ' + e.endpoint + ' deregistered.'));
        remove.closest('tr').remove();
      } catch (err) {
        status.replaceChildren(notice(err.message, true));
        remove.disabled = false;
      }
    });
    const device = e.deviceInfo ? [e.deviceInfo.vendor, e.deviceInfo.version, e.deviceInfo.mac].filter(Boolean).join(' ') : '';
    return h('tr', { class: 'endpoint', 'data-endpoint': e.endpoint },
      h('td', { class: 'mono' }, e.endpoint, e.epid ? h('div', { class: 'muted' }, 'epid ' + e.epid) : null),
      h('td', { class: 'mono gruu' }, e.gruu || ''),
      h('td', {}, e.userAgent || '', device ? h('div', { class: 'muted' }, device) : null),
      h('td', {}, (e.transport || '').toUpperCase(), h('div', { class: 'mono muted' }, e.remoteAddress)),
      h('td', {}, seconds(e.expires)),
      h('td', {}, e.firstRegistered ? new Date(e.firstRegistered).toLocaleString() : ''),
      h('td', {}, remove));
  });
  return table('endpoints', ['Endpoint', 'GRUU', 'Client version / device', 'Transport', 'Expires in', 'Since', ''],
    rows, 'No registered endpoint.');
}

async function registrationsPage() {
  await renderRegistrations();
  refreshing(renderRegistrations);
}

async function renderRegistrations() {
  const all = await api('GET', '/api/registrations');
  main(h('h1', {}, 'Registrations (' + all.length + ')'),
    table('all-registrations', ['User', 'GRUU', 'Client', 'Transport', 'Expires in'], all.map(e => h('tr', {},
      h('td', { class: 'mono' }, h('a', { href: '#/users/' + enc(e.user) }, e.user)),
      h('td', { class: 'mono' }, e.gruu || ''),
      h('td', {}, e.userAgent || ''),
      h('td', {}, (e.transport || '').toUpperCase() + ' ' + e.remoteAddress),
      h('td', {}, seconds(e.expires)))), 'No registered endpoint.'));
}

// ---- policies ---------------------------------------------------------------------------

async function policiesPage(kind, name) {
  const kinds = await api('GET', '/api/policies');
  const names = Object.keys(kinds);
  kind = kind || names[0];
  const tabs = h('div', { class: 'row' }, names.map(k =>
    h('a', { href: '#/policies/' + enc(k), class: k === kind ? 'badge on' : 'badge' }, k + ' (' + kinds[k].group + ')')));
  const list = await api('GET', '/api/policies/' + enc(kind));
  const rows = list.map(p => h('tr', {},
    h('td', {}, h('a', { href: '#/policies/' + enc(kind) + '/' + enc(p.name) }, p.name)),
    h('td', { class: 'mono' }, Object.entries(p.properties).map(([k, v]) => k + '=' + v).join(', '))));
  const editing = name ? list.find(p => p.name === name) : null;
  main(h('h1', {}, 'Provisioning policies'), tabs,
    h('h2', {}, kind + ' policies'),
    table('policies', ['Name', 'Values (others: defaults)'], rows, 'No policy of this kind: users get the defaults.'),
    policyForm(kind, kinds[kind], editing));
}

function policyForm(kind, schema, policy) {
  const name = h('input', { id: 'policy-name', value: policy ? policy.name : '', readonly: policy ? true : null });
  const inputs = {};
  const fields = Object.entries(schema.properties).map(([p, d]) => {
    inputs[p] = h('input', { id: 'policy-' + p, value: policy && policy.properties[p] !== undefined ? policy.properties[p] : '',
      placeholder: d.default === 'null' ? '' : d.default });
    return field('properties.' + p, p, inputs[p], d.domain);
  });
  const del = policy ? h('button', { type: 'button', class: 'danger' }, 'Delete') : null;
  const form = h('form', { class: 'panel', id: 'policy-form' },
    h('h2', {}, policy ? 'Edit ' + policy.name : 'New ' + kind + ' policy'),
    field('name', 'Name', name), fields, formError(),
    h('div', { class: 'row' }, h('button', { type: 'submit', id: 'policy-save' }, 'Save'), del));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    submitting(form, async () => {
      const properties = {};
      for (const [p, i] of Object.entries(inputs)) if (i.value.trim() !== '') properties[p] = i.value.trim();
      if (policy) await api('PUT', '/api/policies/' + enc(kind) + '/' + enc(policy.name), { properties });
      else await api('POST', '/api/policies/' + enc(kind), { name: name.value.trim(), properties });
      location.hash = '#/policies/' + enc(kind);
      route();
    });
  });
  if (del) {
    del.addEventListener('click', () => submitting(form, async () => {
      await api('DELETE', '/api/policies/' + enc(kind) + '/' + enc(policy.name));
      location.hash = '#/policies/' + enc(kind);
    }));
  }
  return form;
}

// ---- client version rules (MS-SIPREGE §3.4) ---------------------------------------------

const COMPARISONS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const ACTIONS = ['allow', 'block-with-prompt', 'block-with-static-url', 'allow-with-static-url', 'block-with-upgrade',
  'allow-with-upgrade', 'block-with-dynamic-url', 'allow-with-dynamic-url'];

async function clientVersionsPage() {
  const rules = await api('GET', '/api/client-version-rules');
  const status = h('div');
  const rows = rules.map(r => {
    const toggle = h('button', { type: 'button', class: 'secondary' }, r.enabled ? 'Disable' : 'Enable');
    toggle.addEventListener('click', () => act(status, () =>
      api('PATCH', '/api/client-version-rules/' + enc(r.id), { enabled: !r.enabled })));
    const del = h('button', { type: 'button', class: 'danger' }, 'Delete');
    del.addEventListener('click', () => act(status, () => api('DELETE', '/api/client-version-rules/' + enc(r.id))));
    return h('tr', { 'data-rule': r.id },
      h('td', {}, r.priority), h('td', {}, r.product + ' ' + r.comparison + ' ' + r.version),
      h('td', {}, r.action, r.url ? h('div', { class: 'mono muted' }, r.url) : null),
      h('td', {}, h('span', { class: r.enabled ? 'badge on' : 'badge off' }, r.enabled ? 'enabled' : 'disabled')),
      h('td', { class: 'mono muted' }, r.id), h('td', { class: 'row' }, toggle, del));
  });
  const f = {
    product: h('input', { id: 'rule-product', placeholder: 'OC' }),
    comparison: h('select', { id: 'rule-comparison' }, COMPARISONS.map(c => h('option', { value: c }, c))),
    version: h('input', { id: 'rule-version', placeholder: '4.0.7577.0' }),
    action: h('select', { id: 'rule-action' }, ACTIONS.map(a => h('option', { value: a }, a))),
    url: h('input', { id: 'rule-url', placeholder: 'https://…' }),
    priority: h('input', { id: 'rule-priority', type: 'number', min: '0', value: '10' }),
  };
  const form = h('form', { class: 'panel', id: 'rule-form' }, h('h2', {}, 'New rule'),
    field('product', 'Product token', f.product), field('comparison', 'Comparison', f.comparison),
    field('version', 'Version', f.version, 'Major.Minor.Build.Qfe'), field('action', 'Action', f.action),
    field('url', 'URL', f.url, 'static URL: http(s); dynamic URL: https with folder='),
    field('priority', 'Priority', f.priority, 'lowest first'), formError(),
    h('button', { type: 'submit', id: 'rule-save' }, 'Add rule'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    submitting(form, async () => {
      const body = { product: f.product.value.trim(), comparison: f.comparison.value, version: f.version.value.trim(),
        action: f.action.value, priority: f.priority.value === '' ? null : Number(f.priority.value) };
      if (f.url.value.trim()) body.url = f.url.value.trim();
      await api('POST', '/api/client-version-rules', body);
      route();
    });
  });
  main(h('h1', {}, 'Client version rules'),
    h('p', { class: 'muted' }, 'Tried by ascending priority; the first that matches decides (MS-SIPREGE §3.4).'),
    status, table('rules', ['Priority', 'Matches', 'Action', 'State', 'Id', ''], rows,
      'No rules: the configured default decides.'), form);
}

async function act(status, call) {
  try {
    await call();
    route();
  } catch (e) {
    status.replaceChildren(notice(e.message, true));
  }
}

// ---- dial plans and their Exchange UM servers (MS-EUMR §3.1.1; absent on servers without the API) ----

async function voicemailPage(editName) {
  let plans;
  try {
    plans = await api('GET', '/api/dial-plans');
  } catch (e) {
    main(h('h1', {}, 'Dial plans and Exchange UM servers'),
      e.status === 404 || e.status === 405
        ? notice('Dial plans and UM servers are not administered by this server version (/api/dial-plans is not available).')
        : notice(e.message, true));
    return;
  }
  const status = h('div');
  const rows = plans.map(p => {
    const del = h('button', { type: 'button', class: 'danger' }, 'Delete');
    del.addEventListener('click', () => act(status, () => api('DELETE', '/api/dial-plans/' + enc(p.name))));
    return h('tr', { 'data-dial-plan': p.name },
      h('td', {}, h('a', { href: '#/voicemail/' + enc(p.name) }, p.name)),
      h('td', {}, (p.servers || []).map(s => h('div', { class: 'mono' },
        s.fqdn + (s.version !== undefined && s.version !== null ? ' v' + s.version : '') + (s.frontEnd ? ' front end' : '')
        + (s.transport ? ' ' + s.transport : '') + (s.address ? ' ' + s.address : '') + (s.port ? ':' + s.port : '')))),
      h('td', { class: 'mono' }, (p.ordering || []).join(' → ')),
      h('td', {}, del));
  });
  const editing = editName ? plans.find(p => p.name === editName) : null;
  const name = h('input', { id: 'dial-plan-name', value: editing ? editing.name : '', readonly: editing ? true : null });
  const servers = h('textarea', { id: 'dial-plan-servers',
    placeholder: '[{"fqdn":"um1.fabrikam.com","version":15,"frontEnd":false}]' });
  servers.value = editing ? JSON.stringify(editing.servers, null, 1) : '';
  const form = h('form', { class: 'panel', id: 'dial-plan-form' },
    h('h2', {}, editing ? 'Edit ' + editing.name : 'New dial plan'),
    field('name', 'Dial plan name', name),
    field('servers', 'UM servers (JSON list: fqdn, version, frontEnd, transport, address, port)', servers, null,
      ['fqdn', 'version', 'frontEnd', 'transport', 'address', 'port']), // a server's field errors show here
    formError(), h('button', { type: 'submit', id: 'dial-plan-save' }, 'Save dial plan'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    submitting(form, async () => {
      let list;
      try { list = JSON.parse(servers.value || '[]'); } catch (e) { throw new ApiError(400, 'servers: not JSON: ' + e.message); }
      if (!name.value.trim()) throw new ApiError(400, 'name: required');
      await api('PUT', '/api/dial-plans/' + enc(name.value.trim()), { servers: list });
      location.hash = '#/voicemail';
      route();
    });
  });
  main(h('h1', {}, 'Dial plans and Exchange UM servers'), status,
    table('dial-plans', ['Dial plan', 'UM servers', 'Order tried', ''], rows, 'No dial plan: calls do not reach voicemail.'),
    form);
}

// ---- directory --------------------------------------------------------------------------

async function directoryPage() {
  const d = await api('GET', '/api/directory');
  const status = h('div', { id: 'directory-status' });
  const last = d.last;
  const sync = h('button', { type: 'button', id: 'sync-now', disabled: !d.configured }, 'Full sync now');
  sync.addEventListener('click', async () => {
    sync.disabled = true;
    status.replaceChildren(notice('Synchronising…'));
    try {
      const r = await api('POST', '/api/directory/sync', { mode: 'full' });
      status.replaceChildren(notice('Sync ' + r.result + ': ' + r.seen + ' seen, ' + r.created + ' created, ' + r.updated
        + ' updated, ' + r.disabled + ' disabled, ' + r.deregistered + ' deregistered.'));
      setTimeout(route, 1500);
    } catch (e) {
      status.replaceChildren(notice(e.message, true));
      sync.disabled = false;
    }
  });
  const dl = (pairs) => table('directory', ['', ''], pairs.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v ?? ''))));
  main(h('h1', {}, 'Enterprise directory'),
    d.configured ? null : notice('No directory is configured (ucfront.ldap.url): users come from the local store.'),
    dl([['Directory', d.directory], ['Last success', d.lastSuccess], ['Failures', d.failures],
      ['Consecutive failures', d.consecutiveFailures],
      ['Last run', last ? last.mode + ' ' + last.result + ' at ' + last.finished : 'never'],
      ['Last error', last && last.error]]),
    last ? h('p', { class: 'muted' }, last.seen + ' seen, ' + last.created + ' created, ' + last.updated + ' updated, '
      + last.disabled + ' disabled, ' + last.deregistered + ' deregistered, ' + last.conflicts + ' conflicts') : null,
    h('div', { class: 'row' }, sync), status);
}

// ---- routing ----------------------------------------------------------------------------

/** Runs fn every few seconds while the page is shown, except while the administrator types. */
function refreshing(fn) {
  clearTimeout(refreshTimer);
  const hash = location.hash;
  const tick = async () => {
    if (location.hash !== hash) return;
    if (!(document.activeElement && document.activeElement.matches('input, textarea, select'))) {
      try {
        await fn();
      } catch (e) {
        if (e.status === 401) return;
      }
    }
    if (location.hash === hash) refreshTimer = setTimeout(tick, REFRESH_MS);
  };
  refreshTimer = setTimeout(tick, REFRESH_MS);
}

async function route() {
  clearTimeout(refreshTimer);
  const signedIn = !!sessionStorage.getItem(AUTH_KEY);
  const [path, query] = (location.hash.slice(1) || '/dashboard').split('?');
  const parts = path.split('/').slice(1).map(decodeURIComponent);
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('sign-out').hidden = !signedIn;
  document.getElementById('who').textContent = signedIn ? sessionStorage.getItem('ucfront.console.user') || '' : '';
  document.querySelectorAll('#nav a').forEach(a =>
    a.classList.toggle('active', a.getAttribute('href').slice(2) === parts[0]));
  if (!signedIn || parts[0] === 'sign-in') {
    if (signedIn) { location.hash = '#/dashboard'; return; }
    signInPage();
    return;
  }
  const params = new URLSearchParams(query || '');
  try {
    switch (parts[0]) {
      case 'users': await (parts[1] ? userPage(parts[1]) : usersPage(params.get('q'))); break;
      case 'registrations': await registrationsPage(); break;
      case 'policies': await policiesPage(parts[1], parts[2]); break;
      case 'client-versions': await clientVersionsPage(); break;
      case 'voicemail': await voicemailPage(parts[1]); break;
      case 'directory': await directoryPage(); break;
      default: await dashboardPage();
    }
  } catch (e) {
    if (e.status !== 401) main(notice(e.message, true));
  }
}

window.addEventListener('hashchange', route);
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('sign-out').addEventListener('click', () => signOut());
  route();
});
