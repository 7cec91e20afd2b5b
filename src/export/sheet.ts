/**
 * What a picture or page of the current view says, as plain strings and colours: the PNG
 * export (src/ui/export/paint-png.ts) and each page of the PDF briefing pack (pdf.ts) draw one.
 * Built by the UI from the view's figures, already formatted in the view's language, so the
 * drawing code never formats a number and cannot disagree with the screen.
 */
import type { Status } from '../targets/types';
import { STATUS_COLORS } from '../map/choropleth/target-classes';

/** Traffic-light colour of a KPI tile against its target; `none` when it has no target. */
export type TileStatus = 'green' | 'amber' | 'red' | 'none';

/** Hex colours of the tile statuses: the scorecard's own status colours (met / at risk / missed). */
export const TILE_STATUS_COLORS: Record<TileStatus, string> = {
  green: STATUS_COLORS.met,
  amber: STATUS_COLORS.at_risk,
  red: STATUS_COLORS.missed,
  none: '#8c959f',
};

/** A target status as a traffic light: met and on track green, at risk amber, missed red, no data none. */
export function tileStatus(status: Status | null | undefined): TileStatus {
  if (status === 'met' || status === 'on_track') return 'green';
  if (status === 'at_risk') return 'amber';
  if (status === 'missed') return 'red';
  return 'none';
}

export interface KpiTile {
  label: string;
  /** The figure as shown ("12,345"). */
  value: string;
  /** Its unit ("元"), empty for none. */
  unit?: string;
  /** A second line under the value ("同比，同期对比"). */
  note?: string;
  /** The target as shown, with its label ("目标 13,000元"). */
  target?: string;
  status?: TileStatus;
  /** The status in words ("进度正常"), shown beside the colour so it does not rest on colour alone. */
  statusLabel?: string;
}

export interface LegendEntry {
  /** `#rrggbb`. */
  color: string;
  label: string;
  /** "12个" — how many units are in the class, when known. */
  count?: string;
}

export interface ExportSheet {
  /** "宁夏回族自治区 · 脱贫人口收入监测". */
  title: string;
  /** Unit, population, metric and year: "各县 · 脱贫人口 · 人均纯收入 · 2024年". */
  subtitle: string;
  /** "数据截至 2025年第3季度". */
  asOf: string;
  kpis: KpiTile[];
  legendTitle: string;
  legend: LegendEntry[];
  /** The dataset's provenance line ("数据来源：…"). */
  provenance: string;
  /** The synthetic-data notice; null for real data. */
  notice: string | null;
}
