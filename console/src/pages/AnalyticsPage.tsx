import { useEffect, useRef, useState } from 'preact/hooks';
import type { AnalyticsSummary, AnalyticsTimeseries } from '../../generated';
import type { Api } from '../api/client';
import { problemOf, type ShownProblem } from '../api/problems';
import type { AnalyticsSummaryMessage } from '../live/messages';
import { useConsole } from '../ui/context';
import { minorDigits, money } from '../ui/format';
import { ProblemBox } from '../ui/Problem';
import { type TimeSeries, TimeChart } from './TimeChart';

const MINUTES_SHOWN = 60;
const DAYS_SHOWN = 30;
/** analytics.updated comes at most once a second; the charts are read again a little after it. */
const SERIES_REFRESH_DELAY_MS = 500;

/** Tenant admins: the summary and the charts, updated live from analytics.updated. */
export function AnalyticsPage() {
  const { api, live } = useConsole();
  const [summary, setSummary] = useState<AnalyticsSummaryMessage | undefined>();
  const [perMinute, setPerMinute] = useState<TimeSeries | undefined>();
  const [perDay, setPerDay] = useState<TimeSeries | undefined>();
  const [problem, setProblem] = useState<ShownProblem | undefined>();
  const [chosen, setChosen] = useState<string | undefined>();
  const currencies = currenciesOf(summary);
  const currency = chosen && currencies.includes(chosen) ? chosen : currencies[0];
  const shown = useRef(currency);
  shown.current = currency;
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);

  const readSeries = async (shownCurrency: string) => {
    try {
      const [minute, day] = await Promise.all([
        series(api, 'minute', shownCurrency),
        series(api, 'day', shownCurrency),
      ]);
      setPerMinute(minute);
      setPerDay(day);
    } catch (error) {
      setProblem(await problemOf(error));
    }
  };

  useEffect(() => {
    api.analytics.getAnalyticsSummary()
      .then((read) => setSummary(asPushed(read)))
      .catch(async (error) => setProblem(await problemOf(error)));
  }, [api]);
  useEffect(() => void readSeries(currency), [currency]);
  useEffect(() => live.subscribe('analytics'), [live]);
  useEffect(() => live.on('analytics.updated', (message) => {
    setSummary(message.summary);
    clearTimeout(pending.current);
    pending.current = setTimeout(() => void readSeries(shown.current), SERIES_REFRESH_DELAY_MS);
  }), [live]);

  return (
    <section aria-labelledby="analytics-title" class="analytics">
      <h1 id="analytics-title">Analytics</h1>
      <ProblemBox problem={problem} />
      {summary && <Today summary={summary} />}
      {currencies.length > 1 && (
        <label class="currency-choice">
          Revenue in{' '}
          <select value={currency} onChange={(event) => setChosen((event.target as HTMLSelectElement).value)}>
            {currencies.map((code) => <option key={code} value={code}>{code}</option>)}
          </select>
        </label>
      )}
      <div class="charts">
        {perMinute && <TimeChart title={`Per minute, last ${MINUTES_SHOWN} minutes`} currency={currency} series={perMinute} interval="minute" />}
        {perDay && <TimeChart title={`Per day, last ${DAYS_SHOWN} days`} currency={currency} series={perDay} interval="day" />}
      </div>
      {summary && (
        <div class="tables">
          <ByStatus summary={summary} />
          <TopProducts summary={summary} />
        </div>
      )}
    </section>
  );
}

function Today({ summary }: { summary: AnalyticsSummaryMessage }) {
  return (
    <p class="today card" data-today-orders={summary.today.orders}>
      Today ({summary.today.date}): <strong>{summary.today.orders}</strong> orders
      {Object.entries(summary.today.revenueMinor).map(([code, amount]) => `, ${money(amount, code)}`).join('')}
    </p>
  );
}

function ByStatus({ summary }: { summary: AnalyticsSummaryMessage }) {
  return (
    <div class="card table-wrap">
      <table>
        <caption>Orders by status</caption>
        <thead><tr><th>Status</th><th>Orders</th><th>Revenue</th></tr></thead>
        <tbody>
          {summary.byStatus.map((row) => (
            <tr key={row.status} data-status={row.status}>
              <th scope="row">{row.status}</th>
              <td>{row.orders}</td>
              <td>{revenue(row.revenueMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TopProducts({ summary }: { summary: AnalyticsSummaryMessage }) {
  return (
    <div class="card table-wrap">
      <table>
        <caption>Top products by units sold</caption>
        <thead><tr><th>Product</th><th>Units</th><th>Revenue</th></tr></thead>
        <tbody>
          {summary.topProducts.map((row) => (
            <tr key={row.productId}>
              <th scope="row">{row.name ?? row.productId}</th>
              <td>{row.units}</td>
              <td>{revenue(row.revenueMinor)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** GET /analytics/summary as analytics.updated carries it (the generated client reads the date as a Date). */
function asPushed(summary: AnalyticsSummary): AnalyticsSummaryMessage {
  return { ...summary, today: { ...summary.today, date: summary.today.date.toISOString().slice(0, 10) } };
}

function revenue(byCurrency: Record<string, string>): string {
  return Object.entries(byCurrency).map(([code, amount]) => money(amount, code)).join(', ') || '—';
}

/** The currencies the tenant sold in, in order (the revenue lines are drawn in one of them); EUR before any sale. */
function currenciesOf(summary?: AnalyticsSummaryMessage): string[] {
  const sold = new Set(summary?.byStatus.flatMap((row) => Object.keys(row.revenueMinor)) ?? []);
  return sold.size ? [...sold].sort() : ['EUR'];
}

async function series(api: Api, interval: 'minute' | 'day', currency: string): Promise<TimeSeries> {
  const to = new Date(interval === 'minute' ? Date.now() + 60_000 : Date.now() + 86_400_000);
  const from = new Date(to.getTime() - (interval === 'minute' ? MINUTES_SHOWN * 60_000 : DAYS_SHOWN * 86_400_000));
  const [orders, revenue] = await Promise.all([
    api.analytics.getAnalyticsTimeseries({ metric: 'orders', interval, from, to }),
    api.analytics.getAnalyticsTimeseries({ metric: 'revenue', interval, from, to, currency }),
  ]);
  const scale = 10 ** minorDigits(currency);
  return {
    at: orders.points.map((point) => Math.floor(point.at.getTime() / 1000)),
    orders: values(orders),
    revenue: values(revenue).map((minor) => minor / scale),
    revenueMinor: revenue.points.map((point) => String(point.value)),
  };
}

function values(series: AnalyticsTimeseries): number[] {
  return series.points.map((point) => Number(point.value));
}
