import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { money } from '../ui/format';

export interface TimeSeries {
  /** Bucket starts, in epoch seconds. */
  at: number[];
  orders: number[];
  /** Per bucket, in whole units of the currency, for drawing (a double: large sums lose cents). */
  revenue: number[];
  /** Per bucket, exact, in minor units as the API gives them (decimal strings). */
  revenueMinor: string[];
}

interface TimeChartProps {
  title: string;
  currency: string;
  series: TimeSeries;
  /** Minute buckets show times; day buckets show dates. */
  interval: 'minute' | 'day';
}

const HEIGHT = 220;

/** Orders (bars' left axis) and revenue (right axis) per bucket, with a text summary for screen readers. */
export function TimeChart({ title, currency, series, interval }: TimeChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot>(undefined);
  const totalOrders = series.orders.reduce((sum, value) => sum + value, 0);
  const totalRevenue = series.revenueMinor.reduce((sum, value) => sum + BigInt(value), 0n);

  useEffect(() => {
    const element = holder.current!;
    plot.current = new uPlot(options(element.clientWidth, currency, interval), data(series), element);
    const resize = new ResizeObserver(() => plot.current?.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.current?.destroy();
    };
  }, [currency, interval]);

  useEffect(() => plot.current?.setData(data(series)), [series]);

  return (
    <figure class="card chart" data-orders-total={totalOrders}>
      <figcaption>
        <h2>{title}</h2>
        <p class="chart-summary">{totalOrders} orders, {money(totalRevenue, currency)} in this range</p>
      </figcaption>
      <div ref={holder} aria-hidden="true" />
    </figure>
  );
}

/** Axis numbers short enough for the axis at any size: 1.5K, 150T. */
const COMPACT = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const compact = (_: uPlot, splits: number[]) => splits.map((value) => (value == null ? '' : COMPACT.format(value)));

function data(series: TimeSeries): uPlot.AlignedData {
  return [series.at, series.orders, series.revenue];
}

function options(width: number, currency: string, interval: 'minute' | 'day'): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true }, orders: { range: (_, __, max) => [0, Math.max(1, max)] }, revenue: {} },
    axes: [
      { values: interval === 'day' ? '{D} {MMM}' : '{HH}:{mm}' },
      { scale: 'orders', label: 'orders', values: compact },
      { scale: 'revenue', label: currency, side: 1, grid: { show: false }, values: compact },
    ],
    series: [
      {},
      { label: 'orders', scale: 'orders', stroke: '#2563eb', fill: 'rgba(37, 99, 235, 0.15)', width: 2 },
      { label: `revenue (${currency})`, scale: 'revenue', stroke: '#16a34a', width: 2 },
    ],
  };
}
