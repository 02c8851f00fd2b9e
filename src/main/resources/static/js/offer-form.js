// The offer form: the kinds of goods follow the chosen category (only its group can be picked). Plain ES5;
// without it every category's kinds are listed in their groups and the server checks the pair.
(function () {
  var category = document.getElementById('offer-category');
  var kind = document.getElementById('offer-kind');
  if (!category || !kind) {
    return;
  }
  function follow() {
    var groups = kind.getElementsByTagName('optgroup');
    for (var i = 0; i < groups.length; i++) {
      var mine = groups[i].getAttribute('data-category') === category.value;
      groups[i].disabled = !mine;
      groups[i].hidden = !mine;
      if (!mine && kind.selectedIndex > 0 && kind.options[kind.selectedIndex].parentNode === groups[i]) {
        kind.selectedIndex = 0;
      }
    }
  }
  category.addEventListener('change', follow);
  follow();
})();
