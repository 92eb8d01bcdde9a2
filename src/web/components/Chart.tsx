import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  kind: 'bar' | 'line';
  values: readonly (number | null)[];
  /** Bars with the same stack name are drawn on top of each other. */
  stack?: string;
}

/**
 * A bar or line chart (ECharts, drawn as SVG), always with its figures in a table beside it: the
 * chart is for the eye, the table for screen readers and for anyone who wants the numbers (WCAG
 * 1.1.1). `format` writes a value as the table and the tooltip show it (pence as pounds, say).
 */
export function Chart({ caption, categories, series, format = String, height = 280 }: {
  caption: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  format?: (value: number) => string;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily: '"Noto Sans", arial, sans-serif' },
      color: ['#1d70b8', '#f47738', '#00703c', '#d4351c', '#4c2c92', '#505a5f'],
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? format(v) : '—') },
      xAxis: { type: 'category', data: [...categories] },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
      series: series.map((s) => ({ name: s.name, type: s.kind, stack: s.stack, data: [...s.values] })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => { window.removeEventListener('resize', resize); chart.dispose(); };
  }, [categories, series, format]);
  return (
    <figure className="vigil-chart">
      <div ref={box} className="vigil-chart__canvas" style={{ height }} aria-hidden="true" />
      <table className="govuk-table vigil-chart__table">
        <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header" />
            {series.map((s) => <th key={s.name} scope="col" className="govuk-table__header govuk-table__header--numeric">{s.name}</th>)}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {categories.map((c, i) => (
            <tr key={c} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{c}</th>
              {series.map((s) => {
                const v = s.values[i];
                return <td key={s.name} className="govuk-table__cell govuk-table__cell--numeric">{v == null ? '—' : format(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
