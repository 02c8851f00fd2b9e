// The fund's pages: a print button (the Content-Security-Policy allows no inline handler).
document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('[data-print]')) {
    window.print();
  }
});
