import { useMemo } from 'react';
import { useCampaignClock } from './hooks/useCampaignClock';
import {
  SPEND_CHART_MINUTES,
  spendChartGeometry,
  spendMinutes,
  type SpendBaseline,
  type SpendChartGeometry,
  type SpendSamples,
} from './campaign-chart';
import type { ReceivedCampaign } from './campaign-state';
import { formatMoney } from '../../utils/money';
import { formatTimeOfDay } from '../../utils/date-time';

/** Props of {@link SpendChart}. */
export interface SpendChartProps {
  geometry: SpendChartGeometry;
  currency: string;
  /** What the chart shows, in words, for screen readers. */
  description: string;
  /** What the end marker says: the wallet runs dry, or the budget is reached (whichever comes first). @default 'Runs dry' */
  endLabel?: string;
}

/**
 * The spend chart as inline SVG: bars of spend per minute (left scale), the cumulative spend line
 * and its dashed projection at the current burn (right scale), "now", and the wallet's run-out
 * when it falls inside the chart.
 */
export function SpendChart({ geometry, currency, description, endLabel = 'Runs dry' }: SpendChartProps) {
  const { box } = geometry;
  const plotBottom = box.height - box.padding.bottom;
  const plotRight = box.width - box.padding.right;
  return (
    <svg
      className="spend-chart"
      viewBox={`0 0 ${box.width} ${box.height}`}
      role="img"
      aria-label={description}
      preserveAspectRatio="xMidYMid meet"
    >
      {geometry.barTicks.map((tick) => (
        <g key={`bar-${tick.at}`}>
          <line className="spend-chart__grid" x1={box.padding.left} x2={plotRight} y1={tick.at} y2={tick.at} />
          <text
            className="spend-chart__tick spend-chart__tick--bars"
            x={box.padding.left - 6}
            y={tick.at}
            textAnchor="end"
            dominantBaseline="middle"
          >
            {formatMoney(String(tick.value), currency)}
          </text>
        </g>
      ))}
      {geometry.cumulativeTicks.map((tick) => (
        <text
          key={`cumulative-${tick.at}`}
          className="spend-chart__tick spend-chart__tick--cumulative"
          x={plotRight + 6}
          y={tick.at}
          textAnchor="start"
          dominantBaseline="middle"
        >
          {formatMoney(String(tick.value), currency)}
        </text>
      ))}
      {geometry.timeTicks.map((tick) => (
        <text key={`time-${tick.at}`} className="spend-chart__tick" x={tick.at} y={plotBottom + 18} textAnchor="middle">
          {formatTimeOfDay(Number(tick.value), { seconds: false })}
        </text>
      ))}
      <g className="spend-chart__bars">
        {geometry.bars.map((bar) =>
          bar.height > 0 ? (
            <rect key={bar.minuteMs} className="spend-chart__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
              <title>{`${formatTimeOfDay(bar.minuteMs, { seconds: false })}: ${formatMoney(bar.spent, currency)}`}</title>
            </rect>
          ) : null,
        )}
      </g>
      <path className="spend-chart__cumulative" d={geometry.cumulativePath} />
      {geometry.projectionPath !== null && <path className="spend-chart__projection" d={geometry.projectionPath} />}
      <line className="spend-chart__now" x1={geometry.nowX} x2={geometry.nowX} y1={box.padding.top} y2={plotBottom} />
      {geometry.runOut !== null && (
        <g className="spend-chart__run-out">
          <line x1={geometry.runOut.x} x2={geometry.runOut.x} y1={box.padding.top} y2={plotBottom} />
          <text x={geometry.runOut.x - 4} y={box.padding.top + 10} textAnchor="end">
            {`${endLabel} ${formatTimeOfDay(geometry.runOut.atMs, { seconds: false })}`}
          </text>
        </g>
      )}
      <line className="spend-chart__axis" x1={box.padding.left} x2={plotRight} y1={plotBottom} y2={plotBottom} />
    </svg>
  );
}

/** Props of {@link LiveSpendChart}. */
export interface LiveSpendChartProps {
  baseline: SpendBaseline;
  samples: SpendSamples;
  /** The newest campaign state: its `spent` ends the cumulative line, its burn and time-to-empty project it. */
  latest: ReceivedCampaign;
  currency: string;
}

/**
 * The chart, moving with the page's clock (a new minute slides the window) and with every
 * campaign state (the current minute's bar and the cumulative line grow as calls run).
 */
export function LiveSpendChart({ baseline, samples, latest, currency }: LiveSpendChartProps) {
  const nowMs = useCampaignClock();
  const { campaign, atMs } = latest;
  const minutes = useMemo(
    () => spendMinutes({ baseline, samples, currentSpent: campaign.spent, nowMs: Math.max(nowMs, atMs) }),
    [baseline, samples, campaign.spent, nowMs, atMs],
  );
  const geometry = useMemo(
    () =>
      spendChartGeometry(
        minutes,
        {
          spendPerMinute: campaign.projection?.ratePerMinute ?? '0',
          timeToEmptySeconds: campaign.projection?.endsInSeconds ?? null,
          stateAtMs: atMs,
        },
        Math.max(nowMs, atMs),
      ),
    [minutes, campaign.projection?.ratePerMinute, campaign.projection?.endsInSeconds, atMs, nowMs],
  );
  const current = minutes.at(-1);
  const description =
    `Spend per minute over the last ${SPEND_CHART_MINUTES} minutes; ` +
    `${formatMoney(current?.spent ?? '0', currency)} this minute, ${formatMoney(current?.cumulative ?? campaign.spent, currency)} in total` +
    (geometry.projectionPath !== null
      ? `; projected at ${formatMoney(campaign.projection?.ratePerMinute ?? '0', currency)} a minute.`
      : '.');
  return (
    <>
      <SpendChart
        geometry={geometry}
        currency={currency}
        description={description}
        endLabel={
          campaign.projection?.endsBy === 'BUDGET'
            ? 'Budget reached'
            : campaign.projection?.endsBy === 'SPEND_CAP'
              ? 'Cap reached'
              : 'Runs dry'
        }
      />
      <ul className="spend-chart__legend" aria-hidden="true">
        <li className="spend-chart__legend-item spend-chart__legend-item--bars">Spend per minute (left)</li>
        <li className="spend-chart__legend-item spend-chart__legend-item--cumulative">Cumulative spend (right)</li>
        {geometry.projectionPath !== null && (
          <li className="spend-chart__legend-item spend-chart__legend-item--projection">Projected at the current burn</li>
        )}
      </ul>
    </>
  );
}
