// A horizontal bar chart as inline SVG built with DOM APIs (no library, no markup strings).
import { svg, h } from '../dom.js';

/** items: [{label, value}]; format: value -> text. */
export function barChart(title, items, format) {
  const rowHeight = 26;
  const labelWidth = 150;
  const barWidth = 320;
  const width = labelWidth + barWidth + 110;
  const max = Math.max(...items.map((i) => i.value), 0);
  const chart = svg('svg', { class: 'chart', role: 'img', viewBox: `0 0 ${width} ${rowHeight * items.length + 8}`, width, height: rowHeight * items.length + 8 });
  chart.append(svg('title', {}, title));
  items.forEach((item, i) => {
    const y = i * rowHeight + 4;
    const length = max > 0 ? Math.max(1, (item.value / max) * barWidth) : 0;
    chart.append(
      svg('text', { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end', class: 'chart-label' }, item.label),
      svg('rect', { x: labelWidth, y, width: length, height: rowHeight - 8, rx: 3, class: 'chart-bar' }),
      svg('text', { x: labelWidth + length + 6, y: y + 15, class: 'chart-value' }, format(item.value)));
  });
  return h('figure', { class: 'chart-box' }, h('figcaption', {}, title), chart);
}
