// Dashboards (issue 15): each <figure class="chart" data-chart="..."> is drawn with ECharts from the data table inside
// it, so the chart, the table that screen readers read and the export show the same numbers. No inline scripts (CSP).
(function () {
  'use strict';

  function read(table) {
    var head = table.tHead ? Array.prototype.slice.call(table.tHead.rows[0].cells, 1) : [];
    var series = head.map(function (c) { return c.textContent.trim(); });
    var cats = [];
    var data = series.map(function () { return []; });
    Array.prototype.forEach.call(table.tBodies[0].rows, function (tr) {
      cats.push(tr.cells[0].textContent.trim());
      for (var i = 1; i < tr.cells.length && i <= series.length; i++) {
        data[i - 1].push(Number(tr.cells[i].getAttribute('data-value') || 0));
      }
    });
    return { series: series, cats: cats, data: data };
  }

  function option(kind, d, fig) {
    var legend = { type: 'scroll', bottom: 0 };
    var grid = { left: 8, right: 24, top: 16, bottom: 40, containLabel: true };
    if (kind === 'trend') {
      return {
        tooltip: { trigger: 'axis' }, legend: legend, grid: grid,
        xAxis: { type: 'category', data: d.cats }, yAxis: { type: 'value', minInterval: 1 },
        series: d.series.map(function (s, i) { return { name: s, type: 'line', data: d.data[i] }; })
      };
    }
    var horizontal = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: legend, grid: grid,
      yAxis: { type: 'category', data: d.cats, inverse: true, axisLabel: { width: 96, overflow: 'truncate' } },
      xAxis: { type: 'value', minInterval: 1 }
    };
    if (kind === 'stack') {
      horizontal.series = d.series.map(function (s, i) { return { name: s, type: 'bar', stack: 'n', barMaxWidth: 36, data: d.data[i] }; });
      return horizontal;
    }
    // kind 'rate': shares in percent against the target line
    var target = Number(fig.getAttribute('data-target') || 35);
    horizontal.xAxis = { type: 'value', min: 0, max: function (v) { return Math.max(100, Math.ceil(v.max)); } };
    horizontal.series = d.series.map(function (s, i) {
      var one = { name: s, type: 'bar', barMaxWidth: 24, data: d.data[i] };
      if (i === 0) {
        one.markLine = {
          symbol: 'none', lineStyle: { color: '#d32f2f', width: 2, type: 'dashed' },
          label: { position: 'start', formatter: fig.getAttribute('data-target-label') || (target + '%') },
          data: [{ xAxis: target }]
        };
      }
      return one;
    });
    return horizontal;
  }

  function draw(fig) {
    var el = fig.querySelector('.chart-canvas');
    var table = fig.querySelector('table');
    if (!window.echarts || !el || !table || !table.tBodies.length || !table.tBodies[0].rows.length) {
      if (el) { el.hidden = true; }
      return;
    }
    var d = read(table);
    var kind = fig.getAttribute('data-chart');
    if (kind === 'rate') {
      // the chart shows the rate the assessment counts (the first column); the table keeps the others
      d.series = d.series.slice(0, 1);
      d.data = d.data.slice(0, 1);
    }
    if (kind !== 'trend' && !document.body.classList.contains('wall')) {
      el.style.height = Math.max(220, d.cats.length * (kind === 'rate' ? 26 : 30) + 90) + 'px';
    }
    var old = window.echarts.getInstanceByDom(el);
    if (old) { old.dispose(); }
    var dark = document.body.classList.contains('wall');
    var chart = window.echarts.init(el, dark ? 'dark' : null, { renderer: 'canvas' });
    var o = option(kind, d, fig);
    if (dark) {
      // read from across the room
      o.backgroundColor = 'transparent';
      o.legend.textStyle = { fontSize: 18 };
      [o.xAxis, o.yAxis].forEach(function (a) { a.axisLabel = Object.assign({}, a.axisLabel, { fontSize: 16 }); });
    }
    chart.setOption(o);
  }

  function drawAll() {
    document.querySelectorAll('figure.chart[data-chart]').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  // the wall screen swaps its figures in every minute
  document.addEventListener('htmx:afterSettle', drawAll);
  window.addEventListener('resize', function () {
    if (!window.echarts) { return; }
    document.querySelectorAll('.chart-canvas').forEach(function (el) {
      var c = window.echarts.getInstanceByDom(el);
      if (c) { c.resize(); }
    });
  });
}());
