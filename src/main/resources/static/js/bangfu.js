// htmx requests outside a form carry the page's CSRF token, as Spring Security expects.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  if (token) {
    event.detail.headers['X-CSRF-TOKEN'] = token.getAttribute('content');
  }
});
