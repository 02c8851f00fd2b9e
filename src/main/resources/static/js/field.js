// Offline collection on the phone (issue 18): the page /field. Everything it shows comes from the IndexedDB database
// bangfu-field, where all but the key record is encrypted (AES-GCM) under the session key the server hands out
// (POST /api/v1/offline/key), kept as a non-extractable CryptoKey until logout (bangfu.js drops it then).
// Drafts are sent one at a time, in order, each with its own draftKey: the server makes one need per draftKey.
(function () {
  'use strict';

  var DB = 'bangfu-field';
  var MAX_PHOTOS = 6;
  var LONGEST_SIDE = 1600;
  var $ = function (id) { return document.getElementById(id); };
  var text = {};
  var state = { key: null, pack: null, household: null, editing: null, photos: [], consentPhoto: null, confirmationPhoto: null };
  var sendingRun = false;

  // ---- words (from the page, so the script holds no Chinese) ----
  function t(k, vars) {
    var s = text[k] || k;
    Object.keys(vars || {}).forEach(function (v) { s = s.split('{' + v + '}').join(vars[v]); });
    return s;
  }

  // ---- IndexedDB ----
  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        var db = request.result;
        db.createObjectStore('key', { keyPath: 'id' });
        db.createObjectStore('pack', { keyPath: 'id' });
        db.createObjectStore('drafts', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('photos', { keyPath: 'id', autoIncrement: true });
        db.createObjectStore('sent', { keyPath: 'id', autoIncrement: true });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  var dbPromise = null;
  function db() { return dbPromise || (dbPromise = open()); }

  function tx(store, mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var transaction = d.transaction(store, mode);
        var result;
        Promise.resolve(work(transaction.objectStore(store))).then(function (r) { result = r; });
        transaction.oncomplete = function () { resolve(result); };
        transaction.onerror = function () { reject(transaction.error); };
        transaction.onabort = function () { reject(transaction.error); };
      });
    });
  }
  function req(request) {
    return new Promise(function (resolve, reject) {
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }
  function get(store, id) { return tx(store, 'readonly', function (s) { return req(s.get(id)); }); }
  function all(store) { return tx(store, 'readonly', function (s) { return req(s.getAll()); }); }
  function put(store, value) { return tx(store, 'readwrite', function (s) { return req(s.put(value)); }); }
  function del(store, id) { return tx(store, 'readwrite', function (s) { return req(s.delete(id)); }); }

  // ---- encryption: every stored record but the key is {id, keyId, iv, data} ----
  function encrypt(bytes) {
    var iv = crypto.getRandomValues(new Uint8Array(12));
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv }, state.key.key, bytes)
      .then(function (data) { return { keyId: state.key.keyId, iv: iv, data: data }; });
  }
  function decrypt(record) {
    if (!state.key || record.keyId !== state.key.keyId) {
      return Promise.reject(new Error('another key'));
    }
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv }, state.key.key, record.data);
  }
  function sealJson(value) { return encrypt(new TextEncoder().encode(JSON.stringify(value))); }
  function openJson(record) {
    return decrypt(record).then(function (bytes) { return JSON.parse(new TextDecoder().decode(bytes)); });
  }
  function base64Bytes(b64) {
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  // ---- the server ----
  var csrfToken = null;
  // A page the worker served from its cache carries an anonymous visitor's token, so the token is read afresh from
  // the network's copy of this page before the first write of a run.
  function csrf() {
    if (csrfToken) { return Promise.resolve(csrfToken); }
    return fetch('/field', { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return r.text(); })
      .then(function (html) {
        var m = /<meta name="_csrf" content="([^"]+)"/.exec(html);
        csrfToken = m ? m[1] : '';
        return csrfToken;
      });
  }
  function post(url, body, retried) {
    return csrf().then(function (token) {
      var headers = { 'Accept': 'application/json', 'X-CSRF-TOKEN': token };
      if (!(body instanceof FormData)) { headers['Content-Type'] = 'application/json'; }
      return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers,
        body: body instanceof FormData ? body : JSON.stringify(body || {}) });
    }).then(function (r) {
      if (r.status !== 403 || retried) { return r; }
      // a 403 without problems is a stale CSRF token (a page from the cache, a new session): once more, afresh
      return r.clone().json().catch(function () { return {}; }).then(function (answer) {
        if (answer.problems) { return r; }
        csrfToken = null;
        return post(url, body, true);
      });
    });
  }

  /** The key of this login: asked of the server when online, else the one stored while the session lives. */
  function loadKey() {
    return get('key', 'session').then(function (stored) {
      state.key = stored || null;
      if (!navigator.onLine) { return state.key; }
      return post('/api/v1/offline/key').then(function (r) {
        if (r.status === 401 || r.status === 403) {
          $('field-login').hidden = false;
          return state.key;
        }
        if (!r.ok) { return state.key; }
        return r.json().then(function (answer) {
          if (stored && stored.keyId === answer.keyId) { return stored; }
          return crypto.subtle.importKey('raw', base64Bytes(answer.key), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt'])
            .then(function (key) {
              var record = { id: 'session', keyId: answer.keyId, key: key, accountId: null };
              // a new session: the pack of the old one cannot be read any more
              return del('pack', 'pack').then(function () { return put('key', record); }).then(function () { return record; });
            });
        }).then(function (record) { state.key = record; return record; });
      }, function () { return state.key; });
    });
  }

  function loadPack() {
    return get('pack', 'pack').then(function (record) {
      if (!record) { state.pack = null; return null; }
      return openJson(record).then(function (pack) { state.pack = pack; return pack; }, function () { state.pack = null; return null; });
    });
  }

  function sync() {
    if (!navigator.onLine) { alertText(t('needOnline')); return Promise.resolve(); }
    $('field-synced').textContent = t('syncing');
    return loadKey().then(function (key) {
      if (!key) { throw new Error('no key'); }
      return fetch('/api/v1/offline/pack', { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, cache: 'no-store' });
    }).then(function (r) {
      if (!r.ok) { throw new Error('pack ' + r.status); }
      return r.json();
    }).then(function (pack) {
      pack.syncedAt = new Date().toISOString();
      state.pack = pack;
      state.key.accountId = pack.accountId;
      return put('key', state.key).then(function () { return sealJson(pack); })
        .then(function (sealed) { sealed.id = 'pack'; return put('pack', sealed); });
    }).then(function () { alertText(''); render(); }, function () {
      alertText(t('syncFailed'));
      renderSync();
    });
  }

  // ---- households ----
  function households() { return state.pack ? state.pack.households || [] : []; }
  function householdById(id) { return households().filter(function (h) { return h.id === id; })[0]; }
  /** Whether an active consent to post on the household's behalf was on record at the sync. */
  function hasConsent(h) {
    if (typeof h.postingConsent === 'boolean') { return h.postingConsent; }
    var today = new Date().toISOString().substring(0, 10);
    return (h.consents || []).some(function (c) { return c.kind === 'POST_ON_BEHALF' && (!c.validUntil || c.validUntil >= today); });
  }

  function renderSync() {
    var p = state.pack;
    $('field-synced').textContent = p
      ? t('synced', { time: new Date(p.syncedAt || p.generatedAt).toLocaleString('zh-CN', { hour12: false }), n: households().length })
      : $('field-synced').getAttribute('data-never');
    $('field-find').hidden = !p || !$('field-draft').hidden;
    var select = $('field-village');
    var chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    ((p && p.regions) || []).forEach(function (r) { select.add(new Option(r.name, r.code)); });
    select.value = chosen;
  }

  function renderHouseholds() {
    var list = $('field-households');
    list.textContent = '';
    if (!state.pack) { return; }
    var q = $('field-q').value.trim();
    var village = $('field-village').value;
    var found = households().filter(function (h) {
      return (!village || h.regionCode === village) && (!q || (h.headName || '').indexOf(q) >= 0 || (h.regionName || '').indexOf(q) >= 0);
    });
    found.slice(0, 30).forEach(function (h) {
      var li = el('li', { id: 'field-h-' + h.id });
      var who = el('div');
      var name = el('strong', {}, h.headName);
      name.appendChild(el('span', { 'class': hasConsent(h) ? 'field-tag' : 'field-tag warn' }, hasConsent(h) ? t('consentOk') : t('noConsent')));
      who.appendChild(name);
      who.appendChild(el('small', {}, h.regionName + ' · ' + t('members', { n: h.memberCount })));
      li.appendChild(who);
      var write = el('button', { type: 'button', 'class': 'button secondary field-write', 'data-household': h.id }, t('write'));
      li.appendChild(write);
      list.appendChild(li);
    });
    if (!found.length) { list.appendChild(el('li', { 'class': 'muted' }, t('none'))); }
    if (found.length > 30) { list.appendChild(el('li', { 'class': 'muted' }, t('more', { n: found.length - 30 }))); }
  }

  function el(name, attrs, content) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (a) { e.setAttribute(a, attrs[a]); });
    if (content !== undefined && content !== null) { e.textContent = content; }
    return e;
  }

  function alertText(message) {
    $('field-alert').textContent = message;
    $('field-alert').hidden = !message;
  }

  function render() {
    renderSync();
    renderHouseholds();
    return renderQueue();
  }

  function renderNet() {
    var net = $('field-net');
    net.textContent = navigator.onLine ? net.getAttribute('data-online-text') : net.getAttribute('data-offline-text');
    net.classList.toggle('offline', !navigator.onLine);
  }

  // ---- photos: made smaller on the phone (longest side 1600 px, JPEG 0.8) before they are stored ----
  function resize(file) {
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, LONGEST_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement('canvas');
      canvas.width = Math.max(1, Math.round(bitmap.width * scale));
      canvas.height = Math.max(1, Math.round(bitmap.height * scale));
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      if (bitmap.close) { bitmap.close(); }
      return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.8); });
    }).then(function (blob) { return blob.arrayBuffer(); }).then(function (buffer) { return new Uint8Array(buffer); });
  }
  function photo(bytes) { return { bytes: bytes, url: URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' })) }; }

  function renderThumbs(listId, photos, onRemove) {
    var list = $(listId);
    list.textContent = '';
    photos.forEach(function (p, i) {
      var li = el('li');
      li.appendChild(el('img', { src: p.url, alt: '' }));
      var remove = el('button', { type: 'button', 'aria-label': t('remove') }, '×');
      remove.addEventListener('click', function () { onRemove(i); });
      li.appendChild(remove);
      list.appendChild(li);
    });
  }
  function renderPhotos() {
    renderThumbs('field-photo-list', state.photos, function (i) { state.photos.splice(i, 1); renderPhotos(); });
    renderThumbs('field-consent-thumb', state.consentPhoto ? [state.consentPhoto] : [], function () { state.consentPhoto = null; renderPhotos(); });
    renderThumbs('field-confirmation-thumb', state.confirmationPhoto ? [state.confirmationPhoto] : [],
      function () { state.confirmationPhoto = null; renderPhotos(); });
  }

  // ---- the draft form ----
  function rule(category) {
    return ((state.pack && state.pack.categoryRules) || []).filter(function (r) { return r.category === category; })[0];
  }
  function minPhotos() { var r = rule($('field-category').value); return r && r.minPhotos ? r.minPhotos : 0; }
  function renderRule() {
    var n = minPhotos();
    $('field-photo-rule').textContent = n > 0 ? t('photoRule', { n: n }) : '';
  }

  function itemRow(item) {
    var row = el('div', { 'class': 'field-item' });
    [['name', 'itemName', 'text', 'field-item-name', item.name],
      ['quantity', 'itemQuantity', 'text', 'field-item-qty', item.quantity],
      ['unit', 'itemUnit', 'text', 'field-item-unit', item.unit],
      ['price', 'itemPrice', 'text', 'field-item-price', item.unitPriceFen ? (item.unitPriceFen / 100).toString() : '']]
      .forEach(function (f) {
        var label = el('label', { 'class': f[3] }, t(f[1]));
        var input = el('input', { type: f[2], 'data-f': f[0], maxlength: f[0] === 'name' ? '40' : '12' });
        if (f[0] === 'quantity') { input.setAttribute('inputmode', 'numeric'); }
        if (f[0] === 'price') { input.setAttribute('inputmode', 'decimal'); }
        input.value = f[4] === undefined || f[4] === null ? '' : f[4];
        label.appendChild(input);
        row.appendChild(label);
      });
    var remove = el('button', { type: 'button', 'class': 'link-button' }, t('remove'));
    remove.addEventListener('click', function () { row.remove(); });
    row.appendChild(remove);
    $('field-item-rows').appendChild(row);
  }
  function items() {
    return Array.prototype.map.call(document.querySelectorAll('#field-item-rows .field-item'), function (row) {
      var v = function (f) { return row.querySelector('[data-f=' + f + ']').value.trim(); };
      var price = v('price').replace(',', '.');
      return { name: v('name'), quantity: /^\d+$/.test(v('quantity')) ? Number(v('quantity')) : null, unit: v('unit'),
        unitPriceFen: /^\d+(\.\d{1,2})?$/.test(price) ? Math.round(Number(price) * 100) : null };
    }).filter(function (i) { return i.name || i.quantity || i.unit || i.unitPriceFen; });
  }

  function consentNeeded() { return state.household && !hasConsent(state.household); }

  function begin(household, draft) {
    if (!household) { return; }
    state.household = household;
    state.editing = draft;
    state.photos = [];
    state.consentPhoto = null;
    state.confirmationPhoto = null;
    var subject = $('field-household');
    subject.textContent = household.headName + ' ';
    subject.appendChild(el('small', {}, household.regionName
      + (household.memberCount ? ' · ' + t('members', { n: household.memberCount }) : '')));
    var category = $('field-category');
    category.textContent = '';
    ((state.pack && state.pack.categories) || []).forEach(function (c) { category.add(new Option(c.label, c.code)); });
    var d = draft ? draft.data : {};
    category.value = d.category || category.options[0].value;
    $('field-title').value = d.title || '';
    $('field-description').value = d.description || '';
    $('field-item-rows').textContent = '';
    (d.items && d.items.length ? d.items : [{}]).forEach(itemRow);
    $('field-consent').hidden = !consentNeeded();
    $('field-consent-given').checked = !!d.consent;
    $('field-form-error').hidden = true;
    renderRule();
    var loading = Promise.resolve();
    if (draft) {
      loading = Promise.all((d.photoIds || []).map(readPhoto)).then(function (photos) { state.photos = photos; })
        .then(function () { return d.consentFormId ? readPhoto(d.consentFormId) : null; })
        .then(function (p) { state.consentPhoto = p; })
        .then(function () { return d.confirmationFormId ? readPhoto(d.confirmationFormId) : null; })
        .then(function (p) { state.confirmationPhoto = p; });
    }
    loading.then(renderPhotos);
    // while drafting, the form comes first on the small screen: sync and search step aside
    $('field-sync').hidden = true;
    $('field-find').hidden = true;
    $('field-draft').hidden = false;
    window.scrollTo(0, 0);
  }
  function readPhoto(id) {
    return get('photos', id).then(function (record) { return decrypt(record); }).then(function (b) { return photo(new Uint8Array(b)); });
  }

  function problemsOf() {
    var n = minPhotos();
    var list = items();
    var bad = [];
    if (!state.household) { bad.push(t('errHousehold')); }
    if ($('field-title').value.trim().length < 4) { bad.push(t('errTitle')); }
    if ($('field-description').value.trim().length < 10) { bad.push(t('errDescription')); }
    if (!list.length || list.some(function (i) { return !i.name || !i.quantity || i.unitPriceFen === null; })) { bad.push(t('errItems')); }
    if (state.photos.length < n) { bad.push(t('errPhotos', { n: n })); }
    if (consentNeeded() && (!$('field-consent-given').checked || !state.consentPhoto)) { bad.push(t('errConsent')); }
    if (!state.confirmationPhoto) { bad.push(t('errConfirmation')); }
    return bad;
  }

  function uuid() {
    if (crypto.randomUUID) { return crypto.randomUUID(); }
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).substring(1); }).join('');
    return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20) + '-' + h.substring(20);
  }

  function storePhoto(p) {
    return encrypt(p.bytes).then(function (sealed) { return put('photos', sealed); });
  }

  function save(event) {
    event.preventDefault();
    var bad = problemsOf();
    if (bad.length) {
      $('field-form-error').textContent = bad.join(' ');
      $('field-form-error').hidden = false;
      return;
    }
    var old = state.editing;
    var now = new Date().toISOString();
    var h = state.household;
    var data = {
      draftKey: old ? old.data.draftKey : uuid(),
      accountId: state.pack.accountId,
      householdId: h.id,
      householdVersion: h.version,
      headName: h.headName,
      regionName: h.regionName,
      category: $('field-category').value,
      categoryLabel: $('field-category').selectedOptions[0].textContent,
      title: $('field-title').value.trim(),
      description: $('field-description').value.trim(),
      items: items(),
      // the signed form covers posting on the household's behalf and publishing the photos
      consent: consentNeeded() ? { kind: 'POST_ON_BEHALF', kinds: ['PUBLISH_PHOTOS'], method: 'SIGNED_FORM_PHOTO', recordedAt: now } : null,
      confirmation: { method: 'FORM', recordedAt: now },
      draftedAt: old ? old.data.draftedAt : now,
      state: 'WAITING',
      problems: []
    };
    $('field-save').disabled = true;
    var forget = old ? dropPhotos(old.data) : Promise.resolve();
    forget.then(function () { return Promise.all(state.photos.map(storePhoto)); })
      .then(function (ids) { data.photoIds = ids; return consentNeeded() && state.consentPhoto ? storePhoto(state.consentPhoto) : null; })
      .then(function (id) { data.consentFormId = id; return storePhoto(state.confirmationPhoto); })
      .then(function (id) { data.confirmationFormId = id; return sealJson(data); })
      .then(function (sealed) {
        if (old) { sealed.id = old.id; }
        return put('drafts', sealed);
      })
      .then(function () {
        closeForm();
        alertText('');
        return renderQueue();
      })
      .then(function () {
        $('field-queue').scrollIntoView();
        if (navigator.onLine) { sendAll(false); }
      }, function (e) {
        $('field-form-error').textContent = String(e);
        $('field-form-error').hidden = false;
      })
      .then(function () { $('field-save').disabled = false; });
  }
  function dropPhotos(data) {
    var ids = (data.photoIds || []).concat([data.consentFormId, data.confirmationFormId]).filter(function (id) { return id; });
    return Promise.all(ids.map(function (id) { return del('photos', id); }));
  }
  function closeForm() {
    $('field-form').reset();
    $('field-draft').hidden = true;
    $('field-sync').hidden = false;
    $('field-find').hidden = !state.pack;
    state.household = null;
    state.editing = null;
    state.photos = [];
    state.consentPhoto = null;
    state.confirmationPhoto = null;
    renderPhotos();
  }

  function addPhotos(files, into) {
    var error = $('field-form-error');
    error.hidden = true;
    return Array.prototype.reduce.call(files, function (chain, file) {
      return chain.then(function () {
        if (into === 'photos' && state.photos.length >= MAX_PHOTOS) {
          error.textContent = t('errTooMany');
          error.hidden = false;
          return null;
        }
        return resize(file).then(function (bytes) {
          var p = photo(bytes);
          if (into === 'photos') { state.photos.push(p); } else { state[into] = p; }
        }, function () {
          error.textContent = t('errNotImage', { name: file.name });
          error.hidden = false;
        });
      });
    }, Promise.resolve()).then(renderPhotos);
  }

  function wireForm() {
    $('field-form').addEventListener('submit', save);
    $('field-cancel').addEventListener('click', closeForm);
    $('field-add-item').addEventListener('click', function () { itemRow({}); });
    $('field-category').addEventListener('change', renderRule);
    [['field-photos', 'photos'], ['field-consent-photo', 'consentPhoto'], ['field-confirmation-photo', 'confirmationPhoto']]
      .forEach(function (pair) {
        $(pair[0]).addEventListener('change', function (event) {
          var input = event.target;
          addPhotos(input.files, pair[1]).then(function () { input.value = ''; });
        });
      });
  }

  // ---- the queue ----
  function drafts() {
    return all('drafts').then(function (records) {
      records.sort(function (a, b) { return a.id - b.id; });
      return Promise.all(records.map(function (r) {
        return openJson(r).then(function (data) { return { id: r.id, data: data }; }, function () { return { id: r.id, data: null }; });
      }));
    });
  }

  function renderQueue() {
    return Promise.all([drafts(), all('sent')]).then(function (both) {
      var list = $('field-drafts');
      list.textContent = '';
      both[0].forEach(function (d) { list.appendChild(draftItem(d)); });
      $('field-queue-count').textContent = String(both[0].length);
      $('field-queue-empty').hidden = both[0].length > 0;
      $('field-send').hidden = both[0].length === 0;
      return Promise.all(both[1].sort(function (a, b) { return b.id - a.id; }).map(function (r) {
        return openJson(r).then(function (s) { s.id = r.id; return s; }, function () { return null; });
      }));
    }).then(function (sent) {
      var list = $('field-sent');
      list.textContent = '';
      sent.filter(function (s) { return s; }).forEach(function (s) {
        var li = el('li', { 'class': 'submitted', id: 'field-sent-' + s.id });
        li.appendChild(el('span', { 'class': 'field-state' }, t('submitted')));
        li.appendChild(el('strong', {}, s.title));
        li.appendChild(el('small', {}, s.headName + ' · ' + s.regionName + ' · #' + s.needId + ' '));
        li.appendChild(el('a', { 'class': 'field-sent-link', href: s.url || ('/needs/' + s.needId) }, t('openNeed')));
        list.appendChild(li);
      });
      $('field-sent-h').hidden = !list.children.length;
    });
  }

  function draftItem(d) {
    var li = el('li', { id: 'field-draft-' + d.id, 'data-draft': d.id });
    if (!d.data) {
      li.className = 'unreadable';
      li.appendChild(el('span', { 'class': 'field-state' }, t('unreadable')));
    } else {
      var data = d.data;
      var other = state.key && data.accountId !== state.key.accountId && state.key.accountId !== null;
      // a draft left 'sending' by a reload is simply waiting: the next run sends it again (the server is idempotent)
      var s = other || data.state === 'PROBLEM' ? 'problem' : data.state === 'SENDING' && sendingRun ? 'sending' : 'waiting';
      li.className = s;
      var label = other ? t('otherAccount') : s === 'problem' ? t('problem') : t(s);
      li.appendChild(el('span', { 'class': 'field-state' }, label));
      li.appendChild(el('strong', {}, data.title));
      li.appendChild(el('small', {}, data.headName + ' · ' + data.regionName + ' · ' + data.categoryLabel + ' · '
        + t('photos', { n: (data.photoIds || []).length })));
      if (s === 'problem' && data.problems && data.problems.length) {
        var problems = el('ul', { 'class': 'field-problems' });
        data.problems.forEach(function (p) { problems.appendChild(el('li', { 'data-code': p.code || '' }, p.message)); });
        li.appendChild(problems);
      }
    }
    var actions = el('div', { 'class': 'field-actions' });
    if (d.data && !(d.data.state === 'SENDING' && sendingRun)) {
      actions.appendChild(el('button', { type: 'button', 'class': 'link-button field-edit', 'data-draft': d.id }, t('edit')));
    }
    actions.appendChild(el('button', { type: 'button', 'class': 'link-button field-delete', 'data-draft': d.id }, t('remove')));
    li.appendChild(actions);
    return li;
  }

  function wireQueue() {
    $('field-send').addEventListener('click', function () { sendAll(true); });
    $('field-drafts').addEventListener('click', function (event) {
      var edit = event.target.closest('.field-edit');
      var remove = event.target.closest('.field-delete');
      var id = Number((edit || remove || event.target).getAttribute('data-draft'));
      if (edit) {
        get('drafts', id).then(function (r) { return openJson(r); }).then(function (data) {
          // the household as synced now (its version too), so a "changed meanwhile" problem is fixed by a new sync
          begin(householdById(data.householdId) || { id: data.householdId, headName: data.headName, regionName: data.regionName,
            version: data.householdVersion, postingConsent: !data.consent }, { id: id, data: data });
        });
      }
      if (remove && window.confirm(t('confirmDelete'))) {
        get('drafts', id).then(function (r) { return openJson(r).then(dropPhotos, function () { return null; }); })
          .then(function () { return del('drafts', id); }).then(renderQueue);
      }
    });
  }

  function saveDraft(id, data) {
    return sealJson(data).then(function (sealed) { sealed.id = id; return put('drafts', sealed); });
  }

  function part(id) {
    return get('photos', id).then(decrypt).then(function (bytes) { return new Blob([bytes], { type: 'image/jpeg' }); });
  }

  /** A draft sent again (its answer was lost) is listed once: the older entry of its draftKey goes. */
  function forgetSent(draftKey) {
    return all('sent').then(function (records) {
      return Promise.all(records.map(function (r) {
        return openJson(r).then(function (s) { return s.draftKey === draftKey ? del('sent', r.id) : null; }, function () { return null; });
      }));
    });
  }

  /** One draft to the server: 'sent', 'problem', or why the run stops ('offline', 'login', 'server'). */
  function sendOne(d) {
    var data = d.data;
    var body = {
      draftKey: data.draftKey, householdId: data.householdId, householdVersion: data.householdVersion, category: data.category,
      title: data.title, description: data.description, items: data.items, consent: data.consent,
      confirmation: data.confirmation, draftedAt: data.draftedAt
    };
    var form = new FormData();
    form.append('draft', new Blob([JSON.stringify(body)], { type: 'application/json' }), 'draft.json');
    var parts = (data.photoIds || []).map(function (id, i) {
      return part(id).then(function (b) { form.append('photo', b, 'photo-' + (i + 1) + '.jpg'); });
    });
    return Promise.all(parts)
      .then(function () { return data.consentFormId ? part(data.consentFormId).then(function (b) { form.append('consentForm', b, 'consent.jpg'); }) : null; })
      .then(function () { return data.confirmationFormId ? part(data.confirmationFormId).then(function (b) { form.append('confirmationForm', b, 'confirmation.jpg'); }) : null; })
      .then(function () { return post('/api/v1/offline/drafts', form); })
      .then(function (r) {
        if (r.status === 401) { return 'login'; }
        if (r.status >= 500) { return 'server'; }
        return r.json().catch(function () { return {}; }).then(function (answer) {
          if (r.ok) {
            return sealJson({ title: data.title, headName: data.headName, regionName: data.regionName, needId: answer.needId,
              url: answer.url, state: answer.state, draftKey: data.draftKey, sentAt: new Date().toISOString() })
              .then(function (sealed) { return forgetSent(data.draftKey).then(function () { return put('sent', sealed); }); })
              .then(function () { return dropPhotos(data); })
              .then(function () { return del('drafts', d.id); })
              .then(function () { return 'sent'; });
          }
          data.state = 'PROBLEM';
          data.problems = answer.problems && answer.problems.length ? answer.problems
            : [{ code: String(r.status), message: answer.detail || answer.message || String(r.status) }];
          var stale = data.problems.some(function (p) { return RESYNC.indexOf(p.code) >= 0; });
          return saveDraft(d.id, data).then(function () { return stale ? 'stale' : 'problem'; });
        });
      }, function () { return 'offline'; });
  }

  /** Problems that the synced households are out of date: the pack is synced again after the run, so 修改 shows the household as it is now. */
  var RESYNC = ['HOUSEHOLD_CHANGED', 'CONSENT_REVOKED', 'HOUSEHOLD_OUT_OF_SCOPE'];

  /** The queue in order, one draft at a time; a draft with a problem waits to be fixed unless the officer asks again. */
  function sendAll(explicit) {
    if (sendingRun || !navigator.onLine || !state.key) { return Promise.resolve(); }
    sendingRun = true;
    var stop = null;
    var stale = false;
    return drafts().then(function (list) {
      return list.reduce(function (chain, d) {
        return chain.then(function () {
          if (stop || !d.data) { return null; }
          if (state.key.accountId === null || d.data.accountId !== state.key.accountId) { return null; } // a queue replayed from another account
          if (d.data.state === 'PROBLEM' && !explicit) { return null; }
          d.data.state = 'SENDING';
          return saveDraft(d.id, d.data).then(renderQueue).then(function () { return sendOne(d); }).then(function (outcome) {
            stale = stale || outcome === 'stale';
            if (outcome === 'offline' || outcome === 'login' || outcome === 'server') {
              stop = outcome;
              d.data.state = 'WAITING';
              return saveDraft(d.id, d.data);
            }
            return null;
          }).then(renderQueue);
        });
      }, Promise.resolve());
    }).then(function () {
      alertText(stop === 'offline' ? t('stopped') : stop === 'login' ? t('loginFirst') : stop === 'server' ? t('serverError') : '');
    }).then(function () {
      sendingRun = false;
      return stale && !stop ? sync().then(renderQueue) : renderQueue();
    }, function (e) {
      sendingRun = false;
      alertText(String(e));
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('#field-text [data-k]'), function (s) { text[s.getAttribute('data-k')] = s.textContent; });
    $('field-synced').setAttribute('data-never', $('field-synced').textContent);
    renderNet();
    window.addEventListener('online', function () { renderNet(); csrfToken = null; sendAll(false); });
    window.addEventListener('offline', renderNet);
    $('field-sync-button').addEventListener('click', sync);
    $('field-q').addEventListener('input', renderHouseholds);
    $('field-village').addEventListener('change', renderHouseholds);
    $('field-households').addEventListener('click', function (event) {
      var button = event.target.closest('.field-write');
      if (button) { begin(householdById(Number(button.getAttribute('data-household'))), null); }
    });
    wireForm();
    wireQueue();
    loadKey().then(function (key) {
      if (!key) { alertText(navigator.onLine ? '' : t('noKey')); }
      return loadPack();
    }).then(render).then(function () {
      document.body.setAttribute('data-field-ready', 'true');
      if (navigator.onLine) { sendAll(false); }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { setTimeout(start); });
  } else {
    setTimeout(start);
  }
}());
