// Small charts drawn in SVG with DOM calls, each with a caption and its numbers as a table for
// those who cannot see the bars.

import { h, s, table } from './dom.js';
import { count } from './format.js';

/** Widths of the drawings in pixels: about what they get on a laptop, so their text keeps its size. */
const WIDE = 1000;
const NARROW = 480;
const AXIS = 44;

/** Allowed and denied decisions per time bucket, stacked: buckets are [{label, allow, deny}]. */
export function timeChart(title, buckets) {
  const height = 220;
  const plot = { left: AXIS, top: 10, width: WIDE - AXIS - 10, height: height - 40 };
  const most = Math.max(1, ...buckets.map((bucket) => bucket.allow + bucket.deny));
  const step = plot.width / Math.max(1, buckets.length);
  const scale = (n) => (n / most) * plot.height;
  const every = Math.ceil(buckets.length / 8);
  const graphic = svg(title, WIDE, height,
    s('line', { x1: plot.left, y1: plot.top + plot.height, x2: plot.left + plot.width, y2: plot.top + plot.height,
      class: 'axis' }),
    s('text', { x: plot.left - 6, y: plot.top + 10, class: 'tick end' }, count(most)),
    s('text', { x: plot.left - 6, y: plot.top + plot.height, class: 'tick end' }, '0'),
    buckets.map((bucket, index) => {
      const x = plot.left + index * step + step * 0.1;
      const width = Math.max(1, step * 0.8);
      const allowHeight = scale(bucket.allow);
      const denyHeight = scale(bucket.deny);
      const base = plot.top + plot.height;
      return s('g', {},
        s('title', {}, `${bucket.label}: ${count(bucket.allow)} allowed, ${count(bucket.deny)} denied`),
        s('rect', { x, y: base - allowHeight, width, height: allowHeight, class: 'allow' }),
        s('rect', { x, y: base - allowHeight - denyHeight, width, height: denyHeight, class: 'deny' }),
        index % every === 0 ? s('text', { x: x + width / 2, y: height - 12, class: 'tick middle' }, bucket.label) : null);
    }));
  return figure(title, graphic, h('p', { class: 'legend' }, h('span', { class: 'swatch allow' }), 'allowed ',
    h('span', { class: 'swatch deny' }, ''), 'denied'),
  table(null, ['Time', 'Allowed', 'Denied'],
    buckets.map((bucket) => [bucket.label, count(bucket.allow), count(bucket.deny)])));
}

/** One bar per row ({label, value}), the longest first; a label sits above its bar. */
export function barChart(title, rows, empty) {
  if (rows.length === 0) {
    return figure(title, h('p', { class: 'hint' }, empty));
  }
  const row = 36;
  const most = Math.max(1, ...rows.map((entry) => entry.value));
  const graphic = svg(title, NARROW, rows.length * row + 6, rows.map((entry, index) => {
    const y = index * row;
    const width = Math.max(2, (entry.value / most) * (NARROW - 60));
    return s('g', {},
      s('title', {}, `${entry.label}: ${count(entry.value)}`),
      s('text', { x: 0, y: y + 12, class: 'label' }, entry.label),
      s('rect', { x: 0, y: y + 17, width, height: 14, class: 'deny' }),
      s('text', { x: width + 6, y: y + 29, class: 'tick' }, count(entry.value)));
  }));
  return figure(title, graphic, null, table(null, ['', 'Denied'], rows.map((entry) => [entry.label, count(entry.value)])));
}

function svg(title, width, height, ...content) {
  return s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, class: 'chart' }, ...content);
}

function figure(title, graphic, legend, numbers) {
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, title), graphic, legend,
    numbers ? h('details', {}, h('summary', {}, 'The numbers'), numbers) : null);
}
