/**
 * The campaign page's spend chart as data, then as SVG geometry.
 *
 * Sources: `Campaign.spendByMinute` (spend posted per minute, fetched once with the campaign: the
 * baseline) and the `spent` of each `campaignUpdated` state (cost of ended calls plus what active
 * calls have cost so far, so it grows while calls run, before anything is posted). From the
 * baseline's fetch on, each minute's bar is the posted spend the query saw in it plus how much
 * `spent` grew during it; the cumulative line ends at the newest `spent` and goes back by the
 * bars. The projection continues the cumulative line at the campaign's burn (`projection.ratePerMinute`)
 * up to when it ends (`projection.endsInSeconds`: budget reached or wallet dry, whichever first,
 * counted from when that state arrived); a paused or stopped campaign has no projection.
 *
 * Money stays in bigint micro-units; only pixel positions are plain numbers.
 */
import type { SpendPointFieldsFragment as SpendMinutePoint } from '../../gql/graphql.js';
import { microsToChartUnits, microsToMoney, moneyToMicros } from '../../utils/money.js';

/** One minute, in milliseconds. */
export const MINUTE_MS = 60_000;

/** Minutes of history the chart shows and fetches (`spendByMinute(minutes:)`). @default 60 */
export const SPEND_CHART_MINUTES = 60;

/** Minutes ahead of now the projection may reach. @default 15 */
export const SPEND_PROJECTION_MINUTES = 15;

/** The start of the minute holding `ms` (epoch milliseconds, UTC minutes as the server's). */
export function minuteStartMs(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

/** What the query gave, and when it arrived: the live part of the chart counts from then. */
export interface SpendBaseline {
  /** Posted spend per minute, oldest first. */
  series: readonly SpendMinutePoint[];
  /** The campaign's `spent` in the same answer. */
  spent: string;
  /** When the answer arrived, epoch ms. */
  atMs: number;
  /**
   * When the campaign was created (its `createdAt`), if known. When it falls inside the series,
   * the series holds every posting the campaign ever had, so what `spent` held beyond them at the
   * answer (calls running then, not posted yet) is known and drawn in the answer's minute.
   */
  campaignCreatedAt?: string;
}

/** A `campaignUpdated` state's `spent`, and when it arrived. */
export interface SpendSample {
  atMs: number;
  spent: string;
}

/** The last sample of each minute, by the minute's start: enough to tell how much `spent` grew in each minute. */
export type SpendSamples = ReadonlyMap<number, SpendSample>;

/**
 * `samples` with `sample` as the last of its minute, keeping only the minutes of the last
 * `keepMinutes` (older ones can no longer be drawn). Returns a new map.
 */
export function addSpendSample(samples: SpendSamples, sample: SpendSample, keepMinutes: number = SPEND_CHART_MINUTES + 1): SpendSamples {
  const minute = minuteStartMs(sample.atMs);
  const oldestKept = minute - (keepMinutes - 1) * MINUTE_MS;
  const next = new Map<number, SpendSample>();
  for (const [key, value] of samples) if (key >= oldestKept) next.set(key, value);
  const previous = next.get(minute);
  if (previous === undefined || previous.atMs <= sample.atMs) next.set(minute, sample);
  return next;
}

/** One minute of the chart. */
export interface SpendMinute {
  /** Start of the minute, epoch ms. */
  minuteMs: number;
  /** Spend in the minute, a Money string: posted (from the query) plus growth of `spent` seen live. */
  spent: string;
  /** Total spend at the end of the minute (at now for the current one), never below zero. */
  cumulative: string;
}

/** Inputs of {@link spendMinutes}. */
export interface SpendMinutesInput {
  baseline: SpendBaseline;
  samples: SpendSamples;
  /** The newest `spent` known (the newest campaign state's): the cumulative line ends here. */
  currentSpent: string;
  nowMs: number;
  /** @default {@link SPEND_CHART_MINUTES} */
  minutes?: number;
}

/**
 * The chart's minutes, oldest first, the last one holding `nowMs`: every minute present.
 * @throws MoneyFormatError when an amount is not a Money string.
 */
export function spendMinutes(input: SpendMinutesInput): SpendMinute[] {
  const minutes = Math.max(1, Math.floor(input.minutes ?? SPEND_CHART_MINUTES));
  const lastMinute = minuteStartMs(input.nowMs);
  const firstMinute = lastMinute - (minutes - 1) * MINUTE_MS;

  const byMinute = new Map<number, bigint>();
  for (const point of input.baseline.series) {
    const minute = Date.parse(point.minute);
    if (Number.isNaN(minute)) continue;
    const key = minuteStartMs(minute);
    byMinute.set(key, (byMinute.get(key) ?? 0n) + moneyToMicros(point.spent));
  }

  // What calls running at the answer had cost by then is in `spent` but in no posted minute; when
  // the series covers the campaign's whole life it is exactly `spent` minus the series, and it is
  // drawn in the answer's minute (otherwise it is unknown, and the cumulative line carries it).
  const baselineMinute = minuteStartMs(input.baseline.atMs);
  const seriesStartMs = input.baseline.series.length === 0 ? Number.NaN : Date.parse(input.baseline.series[0]!.minute);
  const createdMs = input.baseline.campaignCreatedAt === undefined ? Number.NaN : Date.parse(input.baseline.campaignCreatedAt);
  if (!Number.isNaN(createdMs) && !Number.isNaN(seriesStartMs) && createdMs >= seriesStartMs) {
    let posted = 0n;
    for (const point of input.baseline.series) posted += moneyToMicros(point.spent);
    const unposted = moneyToMicros(input.baseline.spent) - posted;
    if (unposted > 0n) byMinute.set(baselineMinute, (byMinute.get(baselineMinute) ?? 0n) + unposted);
  }

  // Growth of `spent` per minute since the baseline: each minute's last sample minus the one before.
  let previous = moneyToMicros(input.baseline.spent);
  for (let minute = baselineMinute; minute <= lastMinute; minute += MINUTE_MS) {
    const sample = input.samples.get(minute);
    if (sample === undefined || sample.atMs < input.baseline.atMs) continue;
    const spent = moneyToMicros(sample.spent);
    byMinute.set(minute, (byMinute.get(minute) ?? 0n) + (spent - previous));
    previous = spent;
  }

  const result: SpendMinute[] = [];
  let cumulative = moneyToMicros(input.currentSpent);
  for (let minute = lastMinute; minute >= firstMinute; minute -= MINUTE_MS) {
    const spent = byMinute.get(minute) ?? 0n;
    result.push({ minuteMs: minute, spent: microsToMoney(spent), cumulative: microsToMoney(cumulative > 0n ? cumulative : 0n) });
    cumulative -= spent;
  }
  return result.reverse();
}

/** The burn, for the projection. */
export interface SpendProjectionInput {
  /** The campaign's burn rate, `projection.ratePerMinute` (Money a minute); "0" without a projection. */
  spendPerMinute: string;
  /** Seconds until it ends, `projection.endsInSeconds` (budget or wallet, whichever first), or null without a projection. */
  timeToEmptySeconds: number | null;
  /** When that state arrived, epoch ms: run-out is counted from here. */
  stateAtMs: number;
}

/** Where the chart is drawn, in SVG user units. */
export interface SpendChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels. */
  padding: { top: number; right: number; bottom: number; left: number };
}

/** The chart's default box. */
export const SPEND_CHART_BOX: SpendChartBox = { width: 720, height: 240, padding: { top: 16, right: 64, bottom: 28, left: 64 } };

/** An axis label. */
export interface ChartTick {
  /** The position along its axis (y for value axes, x for the time axis). */
  at: number;
  /** A Money string for value axes; epoch ms for the time axis. */
  value: string | number;
}

/** The SVG shapes of the chart. */
export interface SpendChartGeometry {
  box: SpendChartBox;
  bars: { minuteMs: number; spent: string; x: number; y: number; width: number; height: number }[];
  /** `d` of the cumulative spend line (history). */
  cumulativePath: string;
  /** `d` of the projected cumulative spend (dashed), or null when nothing burns. */
  projectionPath: string | null;
  /** x of "now". */
  nowX: number;
  /** The wallet's run-out, when it falls inside the chart. */
  runOut: { x: number; atMs: number } | null;
  /** Left axis: spend per minute. */
  barTicks: ChartTick[];
  /** Right axis: cumulative spend. */
  cumulativeTicks: ChartTick[];
  /** Bottom axis: minute starts, epoch ms. */
  timeTicks: ChartTick[];
  /** End of the projection, epoch ms (the chart's right edge). */
  endMs: number;
}

/** A round-ish axis maximum ≥ `micros`: 1, 2 or 5 × 10^n micros (at least 1 cent's worth when everything is zero). */
export function niceCeilingMicros(micros: bigint): bigint {
  if (micros <= 0n) return 10_000n;
  let power = 1n;
  while (power * 10n <= micros) power *= 10n;
  for (const step of [1n, 2n, 5n, 10n]) if (step * power >= micros) return step * power;
  return 10n * power;
}

/** One decimal place of an SVG coordinate: enough on screen, and short paths. */
function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Lays out `minutes` (from {@link spendMinutes}) and the projection in `box`: bars on a left
 * per-minute scale, the cumulative line and its projection on a right scale, time along the
 * bottom from the first minute to {@link SPEND_PROJECTION_MINUTES} past now when something burns
 * (to the end of the current minute otherwise).
 * @throws MoneyFormatError when an amount is not a Money string.
 */
export function spendChartGeometry(
  minutes: readonly SpendMinute[],
  projection: SpendProjectionInput,
  nowMs: number,
  box: SpendChartBox = SPEND_CHART_BOX,
): SpendChartGeometry {
  const { width, height, padding } = box;
  const plotLeft = padding.left;
  const plotRight = width - padding.right;
  const plotTop = padding.top;
  const plotBottom = height - padding.bottom;
  const firstMs = minutes[0]?.minuteMs ?? minuteStartMs(nowMs);
  const lastMinuteEndMs = (minutes.at(-1)?.minuteMs ?? minuteStartMs(nowMs)) + MINUTE_MS;

  const burnMicros = moneyToMicros(projection.spendPerMinute);
  const burning = burnMicros > 0n;
  const runOutAtMs = projection.timeToEmptySeconds === null ? null : projection.stateAtMs + projection.timeToEmptySeconds * 1000;
  const projectionEndMs = burning ? Math.max(lastMinuteEndMs, nowMs + SPEND_PROJECTION_MINUTES * MINUTE_MS) : lastMinuteEndMs;
  const endMs = projectionEndMs;
  const xOf = (ms: number) => round(plotLeft + ((ms - firstMs) / (endMs - firstMs)) * (plotRight - plotLeft));

  // The projection stops at the run-out (nothing is left to spend) or the chart's edge.
  const projectedUntilMs = burning ? Math.max(nowMs, Math.min(projectionEndMs, runOutAtMs ?? projectionEndMs)) : nowMs;
  const currentCumulative = moneyToMicros(minutes.at(-1)?.cumulative ?? '0');
  const projectedMicros = burning ? (burnMicros * BigInt(Math.round(projectedUntilMs - nowMs))) / BigInt(MINUTE_MS) : 0n;

  let barMax = 0n;
  let cumulativeMax = currentCumulative + projectedMicros;
  for (const minute of minutes) {
    const spent = moneyToMicros(minute.spent);
    if (spent > barMax) barMax = spent;
    const cumulative = moneyToMicros(minute.cumulative);
    if (cumulative > cumulativeMax) cumulativeMax = cumulative;
  }
  const barTop = niceCeilingMicros(barMax);
  const cumulativeTop = niceCeilingMicros(cumulativeMax);
  const plotHeight = plotBottom - plotTop;
  const barY = (micros: bigint) =>
    round(plotBottom - (microsToChartUnits(micros < 0n ? 0n : micros) / microsToChartUnits(barTop)) * plotHeight);
  const cumulativeY = (micros: bigint) =>
    round(plotBottom - (microsToChartUnits(micros < 0n ? 0n : micros) / microsToChartUnits(cumulativeTop)) * plotHeight);

  const minuteWidth = ((plotRight - plotLeft) * MINUTE_MS) / (endMs - firstMs);
  const bars = minutes.map((minute) => {
    const y = barY(moneyToMicros(minute.spent));
    return {
      minuteMs: minute.minuteMs,
      spent: minute.spent,
      x: round(xOf(minute.minuteMs) + minuteWidth * 0.1),
      y,
      width: round(minuteWidth * 0.8),
      height: round(plotBottom - y),
    };
  });

  // The cumulative line: at each minute's end (now for the current minute), starting from the first minute's start.
  const points: string[] = [];
  minutes.forEach((minute, index) => {
    if (index === 0) {
      const before = moneyToMicros(minute.cumulative) - moneyToMicros(minute.spent);
      points.push(`M${xOf(minute.minuteMs)},${cumulativeY(before)}`);
    }
    const endOfMinute = index === minutes.length - 1 ? Math.min(nowMs, minute.minuteMs + MINUTE_MS) : minute.minuteMs + MINUTE_MS;
    points.push(`L${xOf(endOfMinute)},${cumulativeY(moneyToMicros(minute.cumulative))}`);
  });

  const projectionPath = burning
    ? `M${xOf(nowMs)},${cumulativeY(currentCumulative)}L${xOf(projectedUntilMs)},${cumulativeY(currentCumulative + projectedMicros)}`
    : null;
  const runOut = runOutAtMs !== null && burning && runOutAtMs <= endMs ? { x: xOf(Math.max(nowMs, runOutAtMs)), atMs: runOutAtMs } : null;

  const ticks = (top: bigint, y: (micros: bigint) => number): ChartTick[] =>
    [0n, top / 2n, top].map((micros) => ({ at: y(micros), value: microsToMoney(micros) }));
  const timeTicks: ChartTick[] = [];
  const stepMs = 15 * MINUTE_MS;
  for (let tick = Math.ceil(firstMs / stepMs) * stepMs; tick <= endMs; tick += stepMs) timeTicks.push({ at: xOf(tick), value: tick });

  return {
    box,
    bars,
    cumulativePath: points.join(''),
    projectionPath,
    nowX: xOf(nowMs),
    runOut,
    barTicks: ticks(barTop, barY),
    cumulativeTicks: ticks(cumulativeTop, cumulativeY),
    timeTicks,
    endMs,
  };
}
