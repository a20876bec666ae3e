// A dyad's timeline (Chart.js): per week, what A did to B and what B did to A, cooperation
// upwards and conflict downwards, weighted by mentions.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function drawDyad(canvas, timeline, previous) {
  if (previous) previous.destroy();
  const { a, b } = timeline;
  const periods = [];
  const byPeriod = new Map();
  for (const row of timeline.rows) {
    if (!byPeriod.has(row.period)) {
      byPeriod.set(row.period, {});
      periods.push(row.period);
    }
    byPeriod.get(row.period)[row.direction] = row;
  }
  const series = (direction, field, sign) => periods.map((p) => sign * ((byPeriod.get(p)[direction] || {})[field] || 0));
  return new Chart(canvas, {
    type: "bar",
    data: {
      labels: periods,
      datasets: [
        { label: `${a}→${b} cooperation`, data: series("A->B", "cooperation", 1), backgroundColor: "#1a9850", stack: "ab" },
        { label: `${a}→${b} conflict`, data: series("A->B", "conflict", -1), backgroundColor: "#d73027", stack: "ab" },
        { label: `${b}→${a} cooperation`, data: series("B->A", "cooperation", 1), backgroundColor: "#91cf60", stack: "ba" },
        { label: `${b}→${a} conflict`, data: series("B->A", "conflict", -1), backgroundColor: "#fc8d59", stack: "ba" },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      scales: {
        x: { stacked: true, title: { display: true, text: `week (${timeline.modalities} events)` } },
        y: {
          stacked: true,
          title: { display: true, text: "conflict ↓   events   ↑ cooperation" },
          ticks: { callback: (value) => Math.abs(value) },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 12, font: { size: 11 } } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${Math.abs(ctx.parsed.y)}` } },
      },
    },
  });
}
