'use client';

import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import './echart.css';

/**
 * One ECharts chart, rendered on the client as SVG (crisp on phones, and nothing inline for the CSP
 * beyond style attributes, which it allows). ECharts is imported on first render, so only pages with
 * a chart load it. `option` is plain data, built by the page. `label` names the chart for screen
 * readers; the figures are also in the page's tables. `height` (px) overrides the CSS height for charts
 * that grow with their rows.
 */
export function EChart({ option, label, tall = false, height }: { option: EChartsOption; label: string; tall?: boolean; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let disposed = false;
    let cleanup = () => {};
    void import('echarts').then((echarts) => {
      if (disposed) return;
      const chart = echarts.init(element, undefined, { renderer: 'svg' });
      chart.setOption(option);
      const observer = new ResizeObserver(() => chart.resize());
      observer.observe(element);
      cleanup = () => {
        observer.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [option]);
  return <div ref={ref} role="img" aria-label={label} className={tall ? 'echart echart-tall' : 'echart'} style={height ? { height } : undefined} data-testid="echart" />;
}
