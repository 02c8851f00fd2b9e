// htmx requests outside a form carry the page's CSRF token, as Spring Security expects.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  if (token) {
    event.detail.headers['X-CSRF-TOKEN'] = token.getAttribute('content');
  }
});

// Behaviour that pages once wrote inline (onsubmit, onfocus, hx-on): the Content-Security-Policy allows no
// inline script, so it lives here, switched on by data attributes.
// A button that has done its htmx request goes away (e.g. "显示" once the full ID number is shown).
document.addEventListener('htmx:afterRequest', function (event) {
  var element = event.detail.elt;
  if (element && element.hasAttribute && element.hasAttribute('data-remove-after-request')) {
    element.remove();
  }
});
// A read-only field whose whole text is selected when it gets focus (the share link).
document.addEventListener('focusin', function (event) {
  if (event.target.matches && event.target.matches('[data-select-on-focus]')) {
    event.target.select();
  }
});
// A search form that htmx runs as one types: pressing Enter must not leave the page.
document.addEventListener('submit', function (event) {
  if (event.target.matches && event.target.matches('form[data-no-submit]')) {
    event.preventDefault();
  }
});
// The installable app (issue 18): the service worker keeps the static shell and an offline page. Registered
// after the page has loaded, so it never competes with the page's own first bytes.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* no worker: the site works as before */ });
  });
}
// Offline collection (issue 18): logging out drops the offline key and the synced households (field.js keeps them
// encrypted in IndexedDB under that key); drafts not yet sent become unreadable, so the officer is asked first.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.matches || !form.matches('form.logout') || form.hasAttribute('data-field-cleared') || !window.indexedDB) {
    return;
  }
  event.preventDefault();
  var leave = function () { form.setAttribute('data-field-cleared', ''); form.submit(); };
  var request = indexedDB.open('bangfu-field', 1);
  // no database yet: nothing to drop, and none is made here
  request.onupgradeneeded = function () { request.transaction.abort(); };
  request.onerror = leave;
  request.onsuccess = function () {
    var db = request.result;
    var count = db.transaction('drafts').objectStore('drafts').count();
    count.onerror = function () { db.close(); leave(); };
    count.onsuccess = function () {
      var unsent = count.result;
      var warning = (form.getAttribute('data-field-unsent') || '{n}').replace('{n}', unsent);
      if (unsent > 0 && !window.confirm(warning)) {
        db.close();
        return;
      }
      var drop = db.transaction(['key', 'pack', 'sent'], 'readwrite');
      ['key', 'pack', 'sent'].forEach(function (store) { drop.objectStore(store).clear(); });
      drop.oncomplete = drop.onerror = drop.onabort = function () { db.close(); leave(); };
    };
  };
});
