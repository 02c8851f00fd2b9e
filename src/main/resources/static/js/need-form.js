// The need form: item kinds and the photo rule follow the chosen category, the product-sale fields
// show only for 特色产品销售, and "add an item" appends an empty row. Plain ES5 for old WebViews; without it the
// form still works (three rows, the sale fields always shown).
(function () {
  var form = document.getElementById('need-form');
  if (!form) {
    return;
  }
  var category = document.getElementById('category');
  var sale = document.getElementById('need-sale-edit');
  var items = document.getElementById('need-items-edit');
  var add = document.getElementById('add-item');
  var MAX_ROWS = 20;

  function rows() {
    return items.querySelectorAll('.need-item-row');
  }

  function fillKinds(select, cat) {
    var current = select.value;
    var source = document.getElementById('kinds-' + cat);
    while (select.options.length > 1) {
      select.remove(1);
    }
    if (source) {
      var options = source.content ? source.content.querySelectorAll('option') : source.querySelectorAll('option');
      for (var i = 0; i < options.length; i++) {
        var o = document.createElement('option');
        o.value = options[i].value;
        o.textContent = options[i].textContent;
        if (o.value === current) {
          o.selected = true;
        }
        select.appendChild(o);
      }
    }
  }

  function categoryChanged() {
    var cat = category.value;
    var selects = items.querySelectorAll('select[name=itemKind]');
    for (var i = 0; i < selects.length; i++) {
      fillKinds(selects[i], cat);
    }
    if (sale) {
      sale.hidden = cat !== 'PRODUCT_SALES';
    }
    photoRule();
  }

  // the photos the chosen category asks for (its rule's count on the option), or that it asks for none
  function photoRule() {
    var rule = document.getElementById('need-photo-rule');
    var option = category.options[category.selectedIndex];
    if (!rule || !option) {
      return;
    }
    var n = parseInt(option.getAttribute('data-photos'), 10) || 0;
    rule.textContent = n > 0 ? rule.getAttribute('data-some').replace('{n}', String(n)) : rule.getAttribute('data-none');
  }

  function addRow() {
    var all = rows();
    if (all.length >= MAX_ROWS) {
      return;
    }
    var copy = all[all.length - 1].cloneNode(true);
    var fields = copy.querySelectorAll('input, select');
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].tagName === 'SELECT') {
        fields[i].selectedIndex = 0;
      } else {
        fields[i].value = '';
      }
    }
    var number = copy.querySelector('.need-item-number');
    if (number) {
      number.textContent = (number.getAttribute('data-template') || number.textContent).replace(/\d+/, String(all.length + 1));
    }
    items.insertBefore(copy, add);
    var name = copy.querySelector('input[name=itemName]');
    if (name) {
      name.focus();
    }
    if (all.length + 1 >= MAX_ROWS) {
      add.hidden = true;
    }
  }

  category.addEventListener('change', categoryChanged);
  if (add) {
    add.hidden = false;
    add.addEventListener('click', addRow);
  }
  if (sale) {
    sale.hidden = category.value !== 'PRODUCT_SALES';
  }
})();
